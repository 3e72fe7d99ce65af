import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure, openPopup } from './support/extension';
import { colorDistance, inspectImage, makeImage, type ImageSpec } from './support/images';

type Color = [number, number, number];
const RED: Color = [210, 30, 30];
const GREEN: Color = [30, 170, 60];
const BLUE: Color = [30, 70, 220];
const YELLOW: Color = [230, 200, 20];

interface Case {
  name: string;
  images: Record<string, ImageSpec>;
  html: string;
  target: string;
  expected: { color: Color; size: [number, number] };
}

const cases: Case[] = [
  {
    name: '<img srcset sizes>: the candidate on screen (currentSrc), not src',
    images: {
      'fallback.jpg': { width: 300, height: 200, color: RED },
      'small.jpg': { width: 400, height: 250, color: GREEN },
      'large.jpg': { width: 1600, height: 1000, color: BLUE },
    },
    html: `<img id="target" src="{{IMG}}/img/fallback.jpg" srcset="{{IMG}}/img/small.jpg 400w, {{IMG}}/img/large.jpg 1600w" sizes="800px" width="400">`,
    target: '#target',
    expected: { color: BLUE, size: [1229, 768] },
  },
  {
    name: '<picture> with a WebP <source>: the source the browser chose',
    images: {
      'pic.webp': { width: 900, height: 1200, color: YELLOW, type: 'image/webp' },
      'pic-fallback.jpg': { width: 500, height: 500, color: RED },
    },
    html: `<picture><source type="image/webp" srcset="{{IMG}}/img/pic.webp"><img id="target" src="{{IMG}}/img/pic-fallback.jpg" width="300"></picture>`,
    target: '#target',
    expected: { color: YELLOW, size: [768, 1024] },
  },
  {
    name: 'an <img> under a transparent overlay: the image, not the overlay',
    images: { 'under.jpg': { width: 1000, height: 600, color: GREEN } },
    html: `<div style="position:relative;width:500px">
        <img src="{{IMG}}/img/under.jpg" width="500" style="display:block">
        <div id="overlay" style="position:absolute;inset:0;background:transparent"></div>
      </div>`,
    target: '#overlay',
    expected: { color: GREEN, size: [1000, 600] },
  },
];

for (const c of cases) {
  test(c.name, async ({ ext, provider, site, scratch }) => {
    for (const [name, spec] of Object.entries(c.images)) {
      site.add(`/img/${name}`, await makeImage(scratch, spec), spec.type ?? 'image/jpeg');
    }
    const url = site.page('/case.html', `<!doctype html><title>Case</title><body style="margin:20px">${c.html}</body>`);
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    await chooseFromContextMenu(page, c.target);

    const [request] = await provider.waitForRequests(1);
    expect(request!.violations).toEqual([]);
    const facts = await inspectImage(scratch, request!.image!.dataUrl);
    expect(colorDistance(facts.center, c.expected.color)).toBeLessThan(40);
    expect([facts.width, facts.height]).toEqual(c.expected.size);

    const popup = await openPopup(ext);
    await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(provider.fallback.kind === 'stream' ? provider.fallback.text : '');
  });
}

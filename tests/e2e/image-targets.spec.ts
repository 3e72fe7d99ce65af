import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure, openPopup } from './support/extension';
import { colorDistance, inspectImage, makeImage, type ImageSpec } from './support/images';

type Color = [number, number, number];
const RED: Color = [210, 30, 30];
const GREEN: Color = [30, 170, 60];
const BLUE: Color = [30, 70, 220];
const YELLOW: Color = [230, 200, 20];

const PURPLE: Color = [140, 40, 180];
const CYAN: Color = [20, 190, 200];

/** An image made at set-up, or raw bytes (SVG, BMP); `refererFrom` guards it against hotlinking. */
type Asset = (ImageSpec | { body: Buffer | string; type: string }) & {
  refererFrom?: 'page';
  once?: boolean;
  ico?: boolean;
};

interface Case {
  name: string;
  images: Record<string, Asset>;
  html: string;
  target: string;
  expected: { color: Color; size: [number, number]; captured?: boolean };
  /** Not an <img> to Chromium: its page menu has "View page source" between PromptLens and "Inspect". */
  pageMenu?: boolean;
  /** The body of a frame page served at /case-frame.html (on both origins). */
  frame?: string;
  /** A page-side condition to wait for before the right-click (besides loaded images). */
  waitFor?: string;
}

/** An .ico holding one PNG image, as browsers and sites' favicons use. */
function ico(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, png]);
}

/** An image, a video or a canvas: PromptLens sits just above "Inspect". */
const IMAGE_MENU = ['Up', 'Up', 'Right', 'Return'];
const PAGE_MENU = ['Up', 'Up', 'Up', 'Right', 'Return'];

/** A 24-bit BMP, built by hand: a format no provider accepts, to be re-encoded. */
function bmp(width: number, height: number, [r, g, b]: Color): Buffer {
  const row = Math.ceil((width * 3) / 4) * 4;
  const data = Buffer.alloc(54 + row * height);
  data.write('BM', 0, 'ascii');
  data.writeUInt32LE(data.length, 2);
  data.writeUInt32LE(54, 10);
  data.writeUInt32LE(40, 14);
  data.writeInt32LE(width, 18);
  data.writeInt32LE(height, 22);
  data.writeUInt16LE(1, 26);
  data.writeUInt16LE(24, 28);
  data.writeUInt32LE(row * height, 34);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([b, g, r], 54 + y * row + x * 3);
  return data;
}

const svg = (w: number, h: number, [r, g, b]: Color) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" ` +
  `height="${h}" fill="rgb(${r},${g},${b})"/></svg>`;

const cases: Case[] = [
  {
    name: '<img srcset sizes>: the candidate on screen (currentSrc), not src',
    images: {
      'fallback.jpg': { width: 300, height: 200, color: RED },
      'small.jpg': { width: 400, height: 250, color: GREEN },
      'large.jpg': { width: 1600, height: 1000, color: BLUE },
    },
    html:
      `<img id="target" src="{{IMG}}/img/fallback.jpg" srcset="{{IMG}}/img/small.jpg 400w, ` +
      `{{IMG}}/img/large.jpg 1600w" sizes="800px" width="400">`,
    target: '#target',
    expected: { color: BLUE, size: [1229, 768] },
  },
  {
    name: '<picture> with a WebP <source>: the source the browser chose',
    images: {
      'pic.webp': { width: 900, height: 1200, color: YELLOW, type: 'image/webp' },
      'pic-fallback.jpg': { width: 500, height: 500, color: RED },
    },
    html:
      `<picture><source type="image/webp" srcset="{{IMG}}/img/pic.webp"><img id="target" ` +
      `src="{{IMG}}/img/pic-fallback.jpg" width="300"></picture>`,
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
  {
    name: 'a CSS background-image of the element under the pointer',
    images: { 'hero.jpg': { width: 1200, height: 800, color: PURPLE } },
    html:
      `<div id="target" style="width:600px;height:400px;background:url('{{IMG}}/img/hero.jpg') ` +
      `center/cover"></div>`,
    pageMenu: true,
    target: '#target',
    expected: { color: PURPLE, size: [1152, 768] },
  },
  {
    name: 'a CSS background on an ancestor, under a caption, with a gradient layer on top',
    images: { 'card.jpg': { width: 800, height: 800, color: CYAN } },
    html:
      `<div style="width:400px;height:400px;background-image:linear-gradient(transparent, rgba(0,0,0,.2)), ` +
      `url('{{IMG}}/img/card.jpg')">
        <p id="target" style="margin:0;padding-top:300px;font:20px sans-serif">Caption text</p></div>`,
    pageMenu: true,
    target: '#target',
    expected: { color: CYAN, size: [768, 768] },
  },
  {
    name: 'a ::before background with image-set()',
    images: {
      'one.jpg': { width: 900, height: 600, color: YELLOW },
      'two.jpg': { width: 1800, height: 1200, color: RED },
    },
    html:
      `<style>#target{position:relative;width:450px;height:300px}
        #target::before{content:'';position:absolute;inset:0;background-image:image-set(url('{{IMG}}/img/one.jpg') ` +
      `1x, url('{{IMG}}/img/two.jpg') 2x);background-size:cover}</style>
        <div id="target"></div>`,
    pageMenu: true,
    target: '#target',
    expected: { color: YELLOW, size: [900, 600] },
  },
  {
    name: 'lazy loading: a 1×1 placeholder in src, the real image in data-src',
    images: { 'lazy.jpg': { width: 1000, height: 750, color: BLUE } },
    html:
      `<img id="target" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" ` +
      `data-src="{{IMG}}/img/lazy.jpg" width="400" height="300">`,
    target: '#target',
    expected: { color: BLUE, size: [1000, 750] },
  },
  {
    name: 'an <img> inside an open shadow root',
    images: { 'shadow.jpg': { width: 640, height: 640, color: GREEN } },
    html:
      `<photo-card id="target" style="display:block;width:320px;height:320px"></photo-card>
      <script>customElements.define('photo-card', class extends HTMLElement { connectedCallback() {
        this.attachShadow({ mode: 'open' }).innerHTML = '<img src="{{IMG}}/img/shadow.jpg" width="320" height="320" ` +
      `style="display:block">';
      } });</script>`,
    target: '#target',
    expected: { color: GREEN, size: [640, 640] },
  },
  {
    name: 'an inline <svg>, rasterized where a DOM can draw it',
    images: {},
    html:
      `<svg id="target" width="300" height="200" viewBox="0 0 300 200"><rect width="300" height="200" ` +
      `fill="rgb(140,40,180)"/></svg>`,
    pageMenu: true,
    target: '#target',
    expected: { color: PURPLE, size: [1024, 683] },
  },
  {
    name: 'an <img src="….svg"> from another origin: the worker cannot decode SVG, the page draws it',
    images: { 'logo.svg': { body: svg(400, 400, RED), type: 'image/svg+xml' } },
    html: `<img id="target" src="{{IMG}}/img/logo.svg" width="200" height="200">`,
    target: '#target',
    expected: { color: RED, size: [768, 768] },
  },
  {
    name: 'a blob: URL only the page can read',
    images: { 'blobbed.jpg': { width: 700, height: 500, color: YELLOW } },
    html:
      `<img id="target" width="350" height="250">
      <script>fetch('/proxy/blobbed.jpg').then((r) => r.blob()).then((b) => { document.getElementById('target').src ` +
      `= URL.createObjectURL(b); });</script>`,
    target: '#target',
    expected: { color: YELLOW, size: [700, 500] },
  },
  {
    name: 'a BMP (a format providers refuse) is re-encoded',
    images: { 'old.bmp': { body: bmp(320, 240, BLUE), type: 'image/bmp' } },
    html: `<img id="target" src="{{IMG}}/img/old.bmp" width="320" height="240">`,
    target: '#target',
    expected: { color: BLUE, size: [320, 240] },
  },
  {
    name: 'hotlink protection: 403 without the page’s Referer, fetched again with it',
    images: { 'guarded.jpg': { width: 900, height: 900, color: PURPLE, refererFrom: 'page' } },
    html: `<img id="target" src="{{IMG}}/img/guarded.jpg" width="300" height="300">`,
    target: '#target',
    expected: { color: PURPLE, size: [768, 768] },
  },
  {
    name: 'an <img> in a cross-origin iframe',
    images: { 'framed.jpg': { width: 800, height: 600, color: RED } },
    html: `<iframe id="target" src="{{IMG}}/frame.html" width="420" height="340" style="border:0"></iframe>`,
    target: '#target',
    expected: { color: RED, size: [800, 600] },
  },
  {
    name: 'the current frame of a <video>',
    images: {},
    html: `<video id="target" width="480" height="270" muted></video>
      <script>
        const c = Object.assign(document.createElement('canvas'), { width: 640, height: 360 });
        const ctx = c.getContext('2d');
        const paint = () => { ctx.fillStyle = 'rgb(230,200,20)'; ctx.fillRect(0, 0, 640, 360); };
        paint();
        const rec = new MediaRecorder(c.captureStream(10), { mimeType: 'video/webm' });
        const chunks = [];
        rec.ondataavailable = (e) => chunks.push(e.data);
        rec.onstop = () => {
          const v = document.getElementById('target');
          v.onloadeddata = () => (document.title = 'ready');
          v.src = URL.createObjectURL(new Blob(chunks, { type: 'video/webm' }));
        };
        rec.start();
        const tick = setInterval(paint, 50);
        setTimeout(() => { clearInterval(tick); rec.stop(); }, 600);
      </script>`,
    target: '#target',
    waitFor: "document.title === 'ready'",
    expected: { color: YELLOW, size: [640, 360] },
  },
  {
    name: 'an animated GIF: its first frame',
    images: { 'anim.gif': { width: 480, height: 360, color: RED, laterFrame: BLUE, type: 'image/gif' } },
    html: `<img id="target" src="{{IMG}}/img/anim.gif" width="480" height="360">`,
    target: '#target',
    expected: { color: RED, size: [480, 360] },
  },
  {
    name: 'an AVIF (a format providers refuse) is decoded and re-encoded',
    images: { 'still.avif': { width: 640, height: 480, color: GREEN, type: 'image/avif' } },
    html: `<img id="target" src="{{IMG}}/img/still.avif" width="320" height="240">`,
    target: '#target',
    expected: { color: GREEN, size: [640, 480] },
  },
  {
    name: 'a cross-origin <video> (its frame cannot be read: tainted): captured from the screen, and said so',
    images: { 'clip.webm': { width: 640, height: 360, color: PURPLE, type: 'video/webm' } },
    html: `<video id="target" src="{{IMG}}/img/clip.webm" width="480" height="270" muted></video>`,
    target: '#target',
    waitFor: "document.getElementById('target').readyState >= 2",
    expected: { color: PURPLE, size: [480, 270], captured: true },
  },
  {
    name: 'an .ico file (a favicon-style container) is decoded and re-encoded',
    images: { 'icon.ico': { width: 64, height: 64, color: CYAN, type: 'image/png', ico: true } },
    html: `<img id="target" src="{{IMG}}/img/icon.ico" width="64" height="64">`,
    target: '#target',
    expected: { color: CYAN, size: [64, 64] },
  },
  {
    name: 'a <canvas> (Chromium gives it no image menu): PromptLens’s page entry, and the canvas pixels',
    images: {},
    html:
      `<canvas id="target" width="640" height="400" style="width:320px;height:200px"></canvas>
      <script>const ctx = document.getElementById('target').getContext('2d'); ctx.fillStyle = 'rgb(20,190,200)'; ` +
      `ctx.fillRect(0, 0, 640, 400);</script>`,
    target: '#target',
    expected: { color: CYAN, size: [640, 400] },
  },
  {
    name: 'an expiring image link (404 once the page has it): captured from the screen, and said so',
    images: { 'expiring.jpg': { width: 400, height: 300, color: GREEN, once: true } },
    html: `<img id="target" src="{{IMG}}/img/expiring.jpg" width="400" height="300">`,
    target: '#target',
    expected: { color: GREEN, size: [400, 300], captured: true },
  },
  {
    name: 'an expiring image inside a cross-origin iframe: captured from the screen where the frame sits',
    images: { 'framed-once.jpg': { width: 400, height: 300, color: CYAN, once: true } },
    frame: `<img src="/img/framed-once.jpg" width="400" height="300">`,
    html:
      `<div style="height:260px"></div><iframe id="target" src="{{IMG}}/case-frame.html" width="440" ` +
      `height="340" style="border:5px solid #000;margin-left:300px"></iframe>`,
    target: '#target',
    expected: { color: CYAN, size: [400, 300], captured: true },
  },
];

for (const c of cases) {
  test(c.name, async ({ ext, provider, site, scratch }) => {
    for (const [name, asset] of Object.entries(c.images)) {
      const made = 'body' in asset ? asset.body : await makeImage(scratch, asset);
      const body = asset.ico && Buffer.isBuffer(made) ? ico(made, 64) : made;
      const guard = asset.refererFrom === 'page' ? site.pageOrigin : undefined;
      const type = asset.ico ? 'image/x-icon' : (asset.type ?? 'image/jpeg');
      site.add(`/img/${name}`, body, type, guard, asset.once);
      // Same bytes on the page's own origin, for pages that fetch them themselves.
      site.add(`/proxy/${name}`, body, type);
    }
    if (c.frame)
      site.add('/case-frame.html', `<!doctype html><body style="margin:10px">${c.frame}</body>`, 'text/html');
    site.add(
      '/frame.html',
      `<!doctype html><body style="margin:10px"><img src="/img/framed.jpg" width="400" height="300"></body>`,
      'text/html',
    );
    const url = site.page('/case.html', `<!doctype html><title>Case</title><body style="margin:20px">${c.html}</body>`);
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete && (i.naturalWidth > 0 || !i.src)));
    if (c.waitFor) await page.waitForFunction(c.waitFor, null, { timeout: 15_000 });
    await page.waitForTimeout(150);
    await chooseFromContextMenu(page, c.target, c.pageMenu ? PAGE_MENU : IMAGE_MENU);

    const [request] = await provider.waitForRequests(1);
    expect(request!.violations).toEqual([]);
    const facts = await inspectImage(scratch, request!.image!.dataUrl);
    expect(colorDistance(facts.center, c.expected.color)).toBeLessThan(40);
    expect([facts.width, facts.height]).toEqual(c.expected.size);

    const popup = await openPopup(ext);
    await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(
      provider.fallback.kind === 'stream' ? provider.fallback.text : '',
    );
    await expect(popup.getByText('Taken from the screen')).toHaveCount(c.expected.captured ? 1 : 0);
  });
}

/** Jobs in history, straight from the extension's IndexedDB. */
async function jobCount(ext: { worker: () => Promise<import('@playwright/test').Worker> }): Promise<number> {
  return (await ext.worker()).evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('promptlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('jobs')) return resolve(0);
          const count = db.transaction('jobs').objectStore('jobs').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

test('plain text gets only “All images on this page…”; the canvas beside it gets the styles', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  const url = site.page(
    '/text.html',
    `<!doctype html><html lang="en"><title>Text</title><body style="margin:20px">
      <p id="text" style="font:20px sans-serif;width:400px">A paragraph of plain text, no picture in sight.</p>
      <canvas id="art" width="300" height="300"></canvas>
      <script>const ctx = document.getElementById('art').getContext('2d'); ctx.fillStyle = 'rgb(140,40,180)'; ` +
      `ctx.fillRect(0, 0, 300, 300);</script>`,
  );
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  const page = await ext.context.newPage();
  await page.goto(url);
  // The canvas first: the pointer then leaves an image for plain text, as a hand would.
  await page.locator('#art').hover();
  await page.waitForTimeout(150);
  // The keys that start a job from the page entry (on a CSS background) land on the one entry
  // plain text has, which opens the Batch page and starts nothing.
  const batchPage = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/batch.html') });
  await chooseFromContextMenu(page, '#text', PAGE_MENU);
  await batchPage;
  await page.waitForTimeout(1000);
  execFileSync('xdotool', ['key', 'Escape']);
  expect(await jobCount(ext)).toBe(0);
  expect(provider.requests).toHaveLength(0);

  await chooseFromContextMenu(page, '#art', IMAGE_MENU);
  const [request] = await provider.waitForRequests(1);
  const facts = await inspectImage(scratch, request!.image!.dataUrl);
  expect(colorDistance(facts.center, PURPLE)).toBeLessThan(40);
  expect([facts.width, facts.height]).toEqual([300, 300]);
  expect(await jobCount(ext)).toBe(1);
});

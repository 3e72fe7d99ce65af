/**
 * "Leave every page as it was": a page that checks its own integrity, in every frame (same- and
 * cross-origin), with PromptLens loaded, before and after it is used there. And the cases the
 * removed page-world script once served still work through the real native menu.
 */
import type { Frame } from '@playwright/test';
import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure } from './support/extension';
import { colorDistance, inspectImage, makeImage } from './support/images';
import { integrityProblems } from './support/page-integrity';

const GREEN: [number, number, number] = [30, 170, 60];
const CYAN: [number, number, number] = [20, 190, 200];
/** Not an <img> to Chromium: its page menu has "View page source" between PromptLens and "Inspect". */
const PAGE_MENU = ['Up', 'Up', 'Up', 'Right', 'Return'];
/** Inside a frame, "View frame source" and "Reload frame" come before "Inspect" too. */
const FRAME_MENU = ['Up', 'Up', 'Up', 'Up', 'Up', 'Right', 'Return'];

test.setTimeout(120_000);

test(
  'every frame keeps its own addEventListener and prototypes; ' + 'overlay and CSS-background right-clicks still work',
  async ({ ext, provider, site, scratch }) => {
    site.add('/img/under.jpg', await makeImage(scratch, { width: 1000, height: 600, color: GREEN }), 'image/jpeg');
    site.add('/img/card.jpg', await makeImage(scratch, { width: 800, height: 800, color: CYAN }), 'image/jpeg');
    const frameHtml =
      `<!doctype html><body style="margin:0"><div id="card" ` +
      `style="width:300px;height:300px;background:url('/img/card.jpg') center/cover"></div>`;
    site.add('/integrity-frame.html', frameHtml, 'text/html');
    const url = site.page(
      '/integrity.html',
      `<!doctype html><title>Integrity</title><body style="margin:20px">
      <div id="app" style="position:relative;width:500px">
        <img src="{{IMG}}/img/under.jpg" width="500" style="display:block">
        <div id="overlay" style="position:absolute;inset:0"></div>
      </div>
      <iframe id="same" src="/integrity-frame.html" width="320" height="320" style="border:0"></iframe>
      <iframe id="other" src="{{IMG}}/integrity-frame.html" width="320" height="320" style="border:0"></iframe>
      <script>
        // A React-style root listener: Chromium then shows its page menu, not its image menu, over the overlay.
        document.getElementById('app').addEventListener('contextmenu', () => {});
      </script>`,
    );
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForLoadState('load');
    const frames = () => page.frames().filter((frame: Frame) => frame.url().startsWith('http'));
    await expect.poll(() => frames().length).toBe(3);
    expect(
      frames()
        .map((frame) => new URL(frame.url()).host)
        .sort(),
    ).toEqual(
      [new URL(site.imageOrigin).host, ...[site.pageOrigin, site.pageOrigin].map((o) => new URL(o).host)].sort(),
    );
    // The content script is there (document_idle has passed): the menu answers below prove it.
    await page.waitForTimeout(300);
    for (const frame of frames()) expect(await frame.evaluate(integrityProblems), frame.url()).toEqual([]);

    // An <img> under an overlay whose ancestor listens for contextmenu: PromptLens is on the page menu.
    await chooseFromContextMenu(page, '#overlay', PAGE_MENU);
    const [first] = await provider.waitForRequests(1);
    let facts = await inspectImage(scratch, first!.image!.dataUrl);
    expect(colorDistance(facts.center, GREEN)).toBeLessThan(40);
    expect([facts.width, facts.height]).toEqual([1000, 600]);

    // A CSS background filling the cross-origin frame, right-clicked at the frame's centre.
    await chooseFromContextMenu(page, '#other', FRAME_MENU);
    const [, second] = await provider.waitForRequests(2);
    facts = await inspectImage(scratch, second!.image!.dataUrl);
    expect(colorDistance(facts.center, CYAN)).toBeLessThan(40);
    expect([facts.width, facts.height]).toEqual([768, 768]);

    // Used, and still as it was.
    for (const frame of frames()) expect(await frame.evaluate(integrityProblems), frame.url()).toEqual([]);
  },
);

/**
 * The optional hover button: off by default and then nowhere in the page; on, it shows on large
 * images only, sends the image it sits on, offers the other styles from the keyboard, moves no
 * layout, leaves the page's prototypes alone, and the popup turns it off for one site.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { configure } from './support/extension';
import { colorDistance, inspectImage, makeImage } from './support/images';
import { integrityProblems } from './support/page-integrity';

const RED: [number, number, number] = [200, 40, 40];
const BLUE: [number, number, number] = [30, 60, 200];

/** What sits at a point of the page: our button shows there as its host element (its root is closed). */
const tagAt = (page: Page, x: number, y: number) =>
  page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.tagName.toLowerCase(), [x, y]);

/** The button's place: the image's top right corner, 8 px in, its lens 28 px wide before a 20 px menu toggle. */
async function corner(page: Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  const right = box.x + box.width - 8;
  return { main: { x: right - 36, y: box.y + 8 + 14 }, more: { x: right - 8, y: box.y + 8 + 14 }, box };
}

test.setTimeout(120_000);

test(
  'the hover button: nowhere when off, on large images only when on, sends that image, and the popup turns it ' +
    'off for the site',
  async ({ ext, provider, site, scratch }) => {
    site.add('/img/big.jpg', await makeImage(scratch, { width: 1600, height: 1200, color: RED }), 'image/jpeg');
    site.add('/img/small.jpg', await makeImage(scratch, { width: 300, height: 300, color: BLUE }), 'image/jpeg');
    const url = site.page(
      '/hover.html',
      `<!doctype html><title>Hover</title><body style="margin:20px">
      <p>Photos</p>
      <img id="big" src="{{IMG}}/img/big.jpg" width="400" height="300">
      <img id="small" src="{{IMG}}/img/small.jpg" width="150" height="150">
      <script>
        window.shifts = 0;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifts += e.value; ` +
        `}).observe({ type: 'layout-shift' });
      </script>`,
    );
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
    provider.reply({ kind: 'stream', text: 'A red field.' });
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    const at = await corner(page, '#big');

    // Off (the default): hovering a large image adds nothing to the page.
    await page.mouse.move(at.box.x + 100, at.box.y + 100);
    await page.mouse.move(at.box.x + 120, at.box.y + 120);
    await page.waitForTimeout(500);
    expect(await page.locator('promptlens-button').count()).toBe(0);
    expect(await tagAt(page, at.main.x, at.main.y)).toBe('img');

    // Turned on in the settings: the open page hears it, without a reload.
    // (Loaded afresh: the tab opened at install holds the settings from before configure().)
    const options =
      ext.context.pages().find((p) => p.url() === ext.url('options.html')) ?? (await ext.context.newPage());
    await options.goto(ext.url('options.html'));
    await options.getByLabel('Show a button on images').check();
    await page.bringToFront();
    await page.mouse.move(10, 10);
    await page.mouse.move(at.box.x + 100, at.box.y + 100);
    await expect.poll(() => tagAt(page, at.main.x, at.main.y)).toBe('promptlens-button');
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);

    // A 150 px image gets none, and the large one's is gone once the pointer leaves it.
    const small = (await page.locator('#small').boundingBox())!;
    await page.mouse.move(small.x + 75, small.y + 75);
    await page.waitForTimeout(400);
    expect(await tagAt(page, small.x + small.width - 20, small.y + 20)).toBe('img');
    expect(await tagAt(page, at.main.x, at.main.y)).toBe('img');

    // A forged click at the button's host does nothing.
    await page.mouse.move(at.box.x + 100, at.box.y + 100);
    await expect.poll(() => tagAt(page, at.main.x, at.main.y)).toBe('promptlens-button');
    await page.evaluate(() =>
      document
        .querySelector('promptlens-button')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })),
    );
    await page.waitForTimeout(500);
    expect(provider.requests).toHaveLength(0);

    // A real click: the default style, for the image under the button.
    await page.mouse.move(at.main.x, at.main.y);
    await page.mouse.click(at.main.x, at.main.y);
    const [first] = await provider.waitForRequests(1, 45_000);
    expect(first!.violations).toEqual([]);
    const facts = await inspectImage(scratch, first!.image!.dataUrl);
    expect(colorDistance(facts.center, RED)).toBeLessThan(40);
    expect([facts.width, facts.height]).toEqual([1024, 768]);
    expect(JSON.stringify(first!.body.messages[0].content)).not.toContain('Midjourney prompt');

    // The other styles, from the keyboard: Escape closes the menu; Down, Enter picks the second.
    // (The popup the first press opened took the pointer: back onto the image first.)
    await page.bringToFront();
    await page.mouse.move(10, 10);
    await page.mouse.move(at.box.x + 100, at.box.y + 100);
    await expect.poll(() => tagAt(page, at.more.x, at.more.y)).toBe('promptlens-button');
    await page.mouse.click(at.more.x, at.more.y);
    const menuAt = { x: at.more.x - 40, y: at.more.y + 30 };
    await expect.poll(() => tagAt(page, menuAt.x, menuAt.y)).toBe('promptlens-button');
    await page.keyboard.press('Escape');
    await expect.poll(() => tagAt(page, menuAt.x, menuAt.y)).toBe('img');
    await page.mouse.click(at.more.x, at.more.y);
    await expect.poll(() => tagAt(page, menuAt.x, menuAt.y)).toBe('promptlens-button');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const [, second] = await provider.waitForRequests(2, 45_000);
    expect(JSON.stringify(second!.body.messages[0].content)).toContain('Midjourney prompt');

    // No layout moved, no prototype touched, with the button on and used.
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
    expect(await page.evaluate(integrityProblems)).toEqual([]);

    // The popup, opened over this tab, turns it off for this site.
    // (Its page loaded in a tab behind this one: it reads the window's active tab, as over the toolbar.)
    const popup = await ext.context.newPage();
    await page.bringToFront();
    await popup.goto(ext.url('popup.html'));
    const thisSite = popup.getByLabel('Show the button on this site');
    await expect(thisSite).toBeChecked();
    await thisSite.uncheck();
    await expect.poll(() => page.locator('promptlens-button').count()).toBe(0);
    await page.bringToFront();
    await page.mouse.move(10, 10);
    await page.mouse.move(at.box.x + 100, at.box.y + 100);
    await page.waitForTimeout(500);
    expect(await page.locator('promptlens-button').count()).toBe(0);
    // Still off for this site after a reload.
    await page.reload();
    await page.mouse.move(at.box.x + 110, at.box.y + 110);
    await page.waitForTimeout(500);
    expect(await page.locator('promptlens-button').count()).toBe(0);
  },
);

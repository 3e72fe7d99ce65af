import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { configure, type Extension } from './support/extension';
import { colorDistance, inspectImage, makeImage } from './support/images';

// The machine's load makes a cold browser slow; each step still waits on what the user would see.
test.setTimeout(150_000);

/**
 * The suggested Alt+Shift+P is taken in this Chromium, which then leaves the command unassigned
 * (as it would for a user): assign a free one the way chrome://extensions/shortcuts does.
 */
const KEYS = 'Alt+Shift+L';
async function assignShortcut(ext: Extension, commandName = 'prompt-under-pointer', keybinding = KEYS): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto('chrome://extensions/shortcuts');
  await page.evaluate((args) => (globalThis as any).chrome.developerPrivate.updateExtensionCommand(args), {
    extensionId: ext.id,
    commandName,
    keybinding,
  });
  await page.close();
  const assigned = await (await ext.worker()).evaluate(
    async (name) =>
      ((await (globalThis as any).chrome.commands.getAll()) as Array<{ name: string; shortcut: string }>).find(
        (c) => c.name === name,
      )?.shortcut,
    commandName,
  );
  expect(assigned).toBe(keybinding);
}

/**
 * The real X pointer onto an element (no window manager: the window sits at 0,0, keys go to the window under the
 * pointer).
 */
async function pointAt(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  const [x, y] = await page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const left = window.screenX + (window.outerWidth - window.innerWidth) / 2;
    const top = window.screenY + window.outerHeight - window.innerHeight;
    return [Math.round(left + box.x + box.width / 2), Math.round(top + box.y + box.height / 2)];
  });
  execFileSync('xdotool', ['mousemove', String(x), String(y)]);
  await page.waitForTimeout(300);
}

const pressShortcut = (keys = KEYS) => execFileSync('xdotool', ['key', keys.toLowerCase()]);

const notificationIds = async (ext: Extension) =>
  Object.keys(await (await ext.worker()).evaluate(() => (globalThis as any).chrome.notifications.getAll()));

test('the keyboard shortcut prompts for the image under the pointer, and says so when there is none', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  const blue: [number, number, number] = [40, 40, 200];
  site.add(
    '/img/red.png',
    await makeImage(scratch, { width: 800, height: 600, color: [200, 40, 40], type: 'image/png' }),
    'image/png',
  );
  site.add(
    '/img/blue.png',
    await makeImage(scratch, { width: 800, height: 600, color: blue, type: 'image/png' }),
    'image/png',
  );
  const pageUrl = site.page(
    '/two.html',
    `<!doctype html><title>Two</title>
    <h1 id="title" style="margin:0;padding:40px">Two pictures</h1>
    <img id="red" src="{{IMG}}/img/red.png" width="300" height="225" alt="red">
    <img id="blue" src="{{IMG}}/img/blue.png" width="300" height="225" alt="blue">`,
  );
  await configure(ext, {
    baseUrl: provider.baseUrl,
    model: 'gpt-5.4-mini',
    apiKey: provider.apiKey,
    defaultStyle: 'midjourney',
  });
  await assignShortcut(ext);
  provider.reply({ kind: 'stream', text: 'A deep blue field --ar 4:3', pieces: 3, delayMs: 30 });

  const page = await ext.context.newPage();
  await page.goto(pageUrl);
  await pointAt(page, '#blue');
  pressShortcut();

  // That image, and the default style, went to the provider.
  const [request] = await provider.waitForRequests(1, 30_000);
  expect(request!.violations).toEqual([]);
  const facts = await inspectImage(scratch, request!.image!.dataUrl);
  expect(colorDistance(facts.center, blue)).toBeLessThan(40);
  expect(JSON.stringify(request!.body.messages)).toContain('Midjourney');
  expect(await notificationIds(ext)).not.toContain('shortcut:no-image');

  // Over no image: a notification says so, and nothing is sent.
  await pointAt(page, '#title');
  pressShortcut();
  await expect.poll(() => notificationIds(ext), { timeout: 20_000 }).toContain('shortcut:no-image');
  expect(provider.requests).toHaveLength(1);
});

test('the second command opens the Batch page for a web page, and the side panel on a browser page', async ({
  ext,
  site,
}) => {
  await assignShortcut(ext, 'open-batch-page', 'Alt+Shift+K');
  const page = await ext.context.newPage();
  await page.goto(site.page('/plain.html', '<!doctype html><title>Plain</title><h1 id="title">Plain page</h1>'));
  const tabId = await (await ext.worker()).evaluate(
    async () => (await (globalThis as any).chrome.tabs.query({ url: 'http://*/plain.html' }))[0]?.id as number,
  );
  const batchPage = ext.context.waitForEvent('page', (opened) => opened.url().includes('/batch.html'));
  await pointAt(page, '#title');
  pressShortcut('Alt+Shift+K');
  expect(new URL((await batchPage).url()).searchParams.get('tab')).toBe(String(tabId));

  // The browser's own page: no images to offer, so the side panel.
  const sidePanels = async () =>
    (
      await (
        await ext.worker()
      ).evaluate(() => (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }))
    ).length;
  expect(await sidePanels()).toBe(0);
  const browserPage = await ext.context.newPage();
  await browserPage.goto('chrome://version');
  await browserPage.bringToFront();
  await pointAt(browserPage, 'body');
  pressShortcut('Alt+Shift+K');
  await expect.poll(sidePanels).toBe(1);
});

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure, openPopup, type Extension } from './support/extension';
import { makeImage } from './support/images';
import type { FakeProvider } from './support/fake-provider';
import type { TestSite } from './support/test-site';

const TOOL_HOSTS =
  /^https:\/\/(chatgpt\.com|www\.perplexity\.ai|aistudio\.google\.com|www\.midjourney\.com|studio\.example)\//;
const stubTools = (ext: Extension) =>
  ext.context.route(TOOL_HOSTS, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>stub</title>' }),
  );

/**
 * The address of the tab a choice opens, as the browser's tab holds it: Playwright's view of a
 * tab the extension opened can show an interim address (about:blank, an error page) first.
 */
async function openedBy(ext: Extension, popup: Page, choose: () => Promise<void>): Promise<string> {
  await popup.bringToFront();
  const [tab] = await Promise.all([ext.context.waitForEvent('page'), choose()]);
  const worker = await ext.worker();
  const tabUrl = () =>
    worker.evaluate(async (pattern) => {
      const tabs: Array<{ url?: string; pendingUrl?: string }> = await (globalThis as any).chrome.tabs.query({});
      return tabs.map((t) => t.pendingUrl || t.url || '').find((url) => new RegExp(pattern).test(url));
    }, TOOL_HOSTS.source);
  await expect.poll(tabUrl).toBeTruthy();
  const url = (await tabUrl())!;
  // The stub answered, not the real site.
  await expect(tab).toHaveTitle('stub');
  await tab.close();
  return url;
}

/** A finished prompt in the popup, made through the real context menu with the fake provider. */
async function finishedPrompt(
  ext: Extension,
  provider: FakeProvider,
  site: TestSite,
  scratch: Page,
  reply: string,
  style: string,
  alt = '',
) {
  await configure(ext, {
    baseUrl: provider.baseUrl,
    model: 'gpt-5.4-mini',
    apiKey: provider.apiKey,
    defaultStyle: style,
  });
  // The tools this user ticked in the settings, stored as the options page stores them: with
  // WXT's version marker (v5 brought "Send to…"), or a page opening later would migrate the
  // value from v1 and reset the choice.
  await (await ext.worker()).evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({
      settings: { ...settings, sendTo: { targets: ['chatgpt', 'midjourney', 'perplexity', 'aistudio'], custom: [] } },
      settings$: { v: 5 },
    });
  });
  site.add('/img/fox.jpg', await makeImage(scratch, { width: 640, height: 480, color: [190, 90, 30] }), 'image/jpeg');
  const pageUrl = site.page(
    '/fox.html',
    `<!doctype html><title>Fox</title><body style="margin:20px">
    <img id="target" src="{{IMG}}/img/fox.jpg" width="320" height="240" alt="${alt}">`,
  );
  provider.reply({ kind: 'stream', text: reply });
  const page = await ext.context.newPage();
  await page.goto(pageUrl);
  await chooseFromContextMenu(page, '#target');
  await provider.waitForRequests(1);
  const popup = await openPopup(ext);
  await expect(popup.locator('article[aria-busy="false"]')).toBeVisible();
  return { popup, imageUrl: await page.locator('#target').evaluate((img: HTMLImageElement) => img.src) };
}

/** What the clipboard holds, pasted as the user would into the next tool. */
async function pasted(scratch: Page): Promise<string> {
  await scratch.setContent('<textarea aria-label="paste here"></textarea>');
  await scratch.bringToFront();
  await scratch.getByLabel('paste here').focus();
  await scratch.keyboard.press('Control+V');
  return scratch.getByLabel('paste here').inputValue();
}

test(
  'Send to…: ChatGPT, Perplexity and AI Studio open with ' + 'the prompt in the address; Midjourney gets it copied',
  async ({ ext, provider, site, scratch }) => {
    // The real sites are never loaded: their hosts answer with a stub.
    await stubTools(ext);
    const prompt = 'misty harbor at dawn & fog, 35mm — “quiet” #boats';
    const { popup } = await finishedPrompt(ext, provider, site, scratch, prompt, 'natural');
    const sendTo = popup.getByRole('button', { name: 'Send to…' });
    const menu = popup.getByRole('menu', { name: 'Send to…' });
    const encoded = encodeURIComponent(prompt);

    // Mouse: the menu lists exactly the chosen tools, in the table's order.
    await popup.bringToFront();
    await sendTo.click();
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem')).toHaveText(['ChatGPT', 'Midjourney', 'Perplexity', 'Google AI Studio']);
    expect(await openedBy(ext, popup, () => menu.getByRole('menuitem', { name: 'ChatGPT' }).click())).toBe(
      `https://chatgpt.com/?q=${encoded}`,
    );
    await expect(menu).toBeHidden();

    // Keyboard: Escape closes and gives focus back; arrows move; Enter chooses.
    await popup.bringToFront();
    await sendTo.focus();
    await popup.keyboard.press('Enter');
    await expect(menu.getByRole('menuitem', { name: 'ChatGPT' })).toBeFocused();
    await popup.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(sendTo).toBeFocused();
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Perplexity' })).toBeFocused();
    expect(await openedBy(ext, popup, () => popup.keyboard.press('Enter'))).toBe(
      `https://www.perplexity.ai/?q=${encoded}`,
    );
    await expect(sendTo).toBeFocused();

    await sendTo.focus();
    await popup.keyboard.press('ArrowUp');
    await expect(menu.getByRole('menuitem', { name: 'Google AI Studio' })).toBeFocused();
    const studio = new URL(await openedBy(ext, popup, () => popup.keyboard.press('Enter')));
    expect(`${studio.origin}${studio.pathname}`).toBe('https://aistudio.google.com/prompts/new_chat');
    expect(studio.searchParams.get('prompt')).toBe(prompt);

    // No prompt parameter: the plain address, the prompt on the clipboard, and the user told to paste.
    await scratch.setContent('<p>elsewhere</p>');
    expect(
      await openedBy(ext, popup, async () => {
        await sendTo.click();
        await menu.getByRole('menuitem', { name: 'Midjourney' }).click();
      }),
    ).toBe('https://www.midjourney.com/imagine');
    await expect(popup.getByText('Copied — paste with Ctrl+V')).toBeVisible();
    expect(await pasted(scratch)).toBe(prompt);
  },
);

test('Alt text: the page’s alt beside the result, and each copy format on the clipboard', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  const { popup, imageUrl } = await finishedPrompt(
    ext,
    provider,
    site,
    scratch,
    'Image of a red fox on a "No entry" sign & snow',
    'alt-text',
    'IMG_0042.jpg',
  );
  const text = 'A red fox on a "No entry" sign & snow';
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(text);
  await expect(popup.getByText('Alt text on the page now')).toBeVisible();
  await expect(popup.getByText('IMG_0042.jpg')).toBeVisible();

  const attr = 'A red fox on a &quot;No entry&quot; sign &amp; snow';
  const expected: Record<string, string> = {
    plain: text,
    attribute: `alt="${attr}"`,
    img: `<img src="${imageUrl}" alt="${attr}">`,
    markdown: `![${text}](${imageUrl})`,
    figure:
      `<figure>\n  <img src="${imageUrl}" alt="">\n  <figcaption>A red fox on a "No entry" sign &amp; ` +
      `snow</figcaption>\n</figure>`,
  };
  for (const [format, clipboard] of Object.entries(expected)) {
    await popup.bringToFront();
    await popup.getByLabel('Copy as').selectOption(format);
    await popup.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(popup.getByText('Copied', { exact: true })).toBeVisible();
    // "Copied" may still show from the previous format: the clipboard itself says this copy landed.
    await expect.poll(() => pasted(scratch), { message: format }).toBe(clipboard);
  }

  // Copying again while "Copied" shows keeps it for its full time from the second copy: the first
  // copy's timer does not clear it early (the page's clock is driven, so no real waiting).
  await popup.clock.install();
  await popup.reload();
  await expect(popup.locator('article[aria-busy="false"]')).toBeVisible();
  const copy = popup.getByRole('button', { name: 'Copy', exact: true });
  const copied = popup.getByText('Copied', { exact: true });
  await copy.click();
  await expect(copied).toBeVisible();
  await popup.clock.runFor(1_200);
  await copy.click();
  await expect(copied).toBeVisible();
  await popup.clock.runFor(1_200);
  await expect(copied).toBeVisible();
  await popup.clock.runFor(1_000);
  await expect(copied).toBeHidden();
});

test('Send to… settings: the ticked tools and a custom entry (https only) make the menu', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await stubTools(ext);
  const { popup } = await finishedPrompt(ext, provider, site, scratch, 'red fox, snow', 'natural');
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  const section = options.getByRole('region', { name: 'Send to…' });
  await section.getByRole('checkbox', { name: 'Midjourney' }).uncheck();
  await section.getByRole('checkbox', { name: 'Krea' }).check();
  await section.getByRole('button', { name: 'Add a tool' }).click();
  await section.getByLabel('Name').fill('My studio');
  const address = section.getByLabel('URL template');
  const invalid = section.getByText('Enter an address that starts with https:// (http:// only for localhost).');
  await address.fill('http://studio.example/new?q={prompt}');
  await expect(invalid).toBeVisible();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await address.fill('https://studio.example/new?q={prompt}');
  await expect(invalid).toBeHidden();

  // The open popup follows the settings.
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Send to…' }).click();
  const menu = popup.getByRole('menu', { name: 'Send to…' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'ChatGPT',
    'Krea',
    'Perplexity',
    'Google AI Studio',
    'My studio',
  ]);
  expect(await openedBy(ext, popup, () => menu.getByRole('menuitem', { name: 'My studio' }).click())).toBe(
    'https://studio.example/new?q=red%20fox%2C%20snow',
  );
});

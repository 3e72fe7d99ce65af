/**
 * The main flow in real Firefox: set-up in the options page, a right-click on an image through
 * Firefox's native context menu, the prompt in the popup, and the history. One browser for the
 * whole file, as one user's session: each test starts where the previous one left off.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FakeProvider } from '../e2e/support/fake-provider';
import { colorDistance, inspectImage, makeImage, withExif } from '../e2e/support/images';
import { TestSite } from '../e2e/support/test-site';
import { validateChatRequest } from '../support/openai-contract';
import { launchFirefox, openExtensionPage, type Firefox } from './support/firefox';
import {
  asEvaluator,
  choose,
  chooseFromContextMenu,
  click,
  fill,
  waitForText,
  waitForTexts,
  waitForValue,
} from './support/page';

const FIRST = 'A crimson study in grain and light, soft gradients, film texture';
const SECOND = 'A green meadow under a wide sky, morning haze, soft focus.';

let ff: Firefox;
let provider: FakeProvider;
let site: TestSite;
/** A quiet page on the test site for making and inspecting images. */
let scratch: Page;
let errorsSeen = 0;

beforeAll(async () => {
  // Compiling OpenAI's spec blocks Node for seconds (tens on a loaded machine): done now, not
  // while Firefox waits for the first answer, which would look like a provider that hangs.
  validateChatRequest({});
  [provider, site, ff] = await Promise.all([new FakeProvider().start(), new TestSite().start(), launchFirefox()]);
  scratch = await ff.browser.newPage();
  await scratch.goto(site.page('/scratch.html', '<!doctype html><title>scratch</title>'));
});

afterAll(async () => {
  await ff?.close();
  await Promise.all([provider?.stop(), site?.stop()]);
});

afterEach(() => {
  const errors = ff.errors();
  const fresh = errors.slice(errorsSeen);
  errorsSeen = errors.length;
  expect(fresh, 'uncaught errors in PromptLens pages or scripts').toEqual([]);
});

async function pageWithImage(
  name: string,
  color: [number, number, number],
  width: number,
  height: number,
): Promise<Page> {
  site.add(
    `/img/${name}.jpg`,
    withExif(await makeImage(asEvaluator(scratch), { width, height, color, noise: 30 })),
    'image/jpeg',
  );
  const url = site.page(
    `/${name}.html`,
    `<!doctype html><title>${name}</title><body style="margin:20px">
    <img id="photo" src="{{IMG}}/img/${name}.jpg" width="400" height="300" alt="">`,
  );
  const page = await ff.browser.newPage();
  await page.goto(url);
  return page;
}

describe.sequential('Firefox', () => {
  test(
    'the options page sets up a provider: Provider, Base URL, API key, ' + 'Model, Default style; Test connection',
    async () => {
      const options = await openExtensionPage(ff, 'options.html', 'label[for]');
      // Firefox has no Prompt API: the on-device model is not offered, the remote ones are.
      const offered = await options.evaluate(() =>
        [...document.querySelectorAll<HTMLOptionElement>('select option')].map((o) => o.value),
      );
      expect(offered).toContain('openai');
      expect(offered).not.toContain('on-device');
      // The side panel is Firefox's sidebar here, the same page.
      const sidebar = await options.evaluate(
        () => (globalThis as any).browser.runtime.getManifest().sidebar_action?.default_panel as string | undefined,
      );
      expect(sidebar).toMatch(/\/sidepanel\.html$/);
      await choose(options, 'Provider', 'custom');
      await fill(options, 'Base URL', provider.baseUrl);
      await fill(options, 'API key', provider.apiKey);
      await fill(options, 'Model', 'vision-test');
      await choose(options, 'Default style', 'midjourney');

      await click(options, 'Test connection');
      await waitForText(options, /Connected: vision-test answered in \d+ ms\./);
      const probe = provider.requests.at(-1)!;
      expect(probe.violations).toEqual([]);
      expect(probe.image?.mime).toBe('image/png');

      // Saved as typed: a fresh load of the page shows it all again.
      await options.evaluate(() => {
        document.documentElement.dataset.stale = 'yes';
        location.reload();
      });
      await options.waitForFunction(() => document.documentElement.dataset.stale !== 'yes', { timeout: 15_000 });
      await waitForValue(options, 'Provider', 'custom');
      await waitForValue(options, 'Base URL', provider.baseUrl);
      await waitForValue(options, 'Model', 'vision-test');
      await waitForValue(options, 'Default style', 'midjourney');
      await options.close();
    },
  );

  test(
    'right-click an image, PromptLens in the native menu: the prompt ' + 'streams into the popup, ready to copy',
    async () => {
      const red: [number, number, number] = [200, 40, 40];
      const page = await pageWithImage('red', red, 1600, 1200);
      provider.reply({ kind: 'stream', text: FIRST, pieces: 6, delayMs: 60 });
      await chooseFromContextMenu(page, '#photo');

      // The first image to this server: the one-time privacy notice, then the request.
      const host = new URL(provider.baseUrl).host;
      const popup = await openExtensionPage(ff, 'popup.html', '.job');
      await click(popup, `Send to ${host}`);
      const request = (await provider.waitForRequests(2))[1]!;
      expect(request.violations).toEqual([]);
      expect(request.body.model).toBe('vision-test');
      expect(request.body.stream).toBe(true);
      expect(request.headers.authorization).toBe(`Bearer ${provider.apiKey}`);
      expect(Object.keys(request.headers).filter((h) => h.startsWith('x-stainless'))).toEqual([]);

      // The image that arrived is the one right-clicked: its colour and shape, downscaled, no EXIF.
      const image = request.image!;
      expect(image.mime).toBe('image/jpeg');
      expect(image.bytes.includes('PROMPTLENS-SECRET-GPS')).toBe(false);
      const facts = await inspectImage(asEvaluator(scratch), image.dataUrl);
      expect([facts.width, facts.height]).toEqual([1024, 768]);
      expect(colorDistance(facts.center, red)).toBeLessThan(40);

      // The default style (Midjourney) ran: its --ar comes from the original's pixels.
      await waitForTexts(popup, 'section[aria-label="Prompt"]', [`${FIRST} --ar 4:3`]);
      await waitForTexts(popup, '.job h2', [/^Midjourney/]);
      // Sent: the one-time notice is gone.
      expect(await popup.$$('.privacy-notice')).toHaveLength(0);
      expect(await popup.$eval('.facts', (el) => (el as HTMLElement).innerText)).toContain('1600 × 1200 px');

      await click(popup, 'Copy');
      await waitForText(popup, 'Copied');
      await Promise.all([popup.close(), page.close()]);
    },
  );

  test(
    'a second image through the menu’s second style; the history lists ' + 'both, newest first, and shows an older one',
    async () => {
      const page = await pageWithImage('green', [40, 180, 60], 800, 600);
      provider.reply({ kind: 'stream', text: SECOND });
      // PromptLens ▸ second item: the style after the default, Natural language.
      await chooseFromContextMenu(page, '#photo', ['Up', 'Right', 'Down', 'Return']);
      await provider.waitForRequests(3);

      const popup = await openExtensionPage(ff, 'popup.html', '.history-preview');
      await waitForTexts(popup, 'section[aria-label="Prompt"]', [SECOND]);
      await waitForTexts(popup, '.job h2', [/^Natural language/]);
      await waitForTexts(popup, '.history-preview', [SECOND, `${FIRST} --ar 4:3`]);
      expect(await popup.$eval('.history-head', (el) => (el as HTMLElement).innerText)).toContain('2 entries');

      // An older entry opens in the result view.
      const rows = await popup.$$('.history-item');
      await rows[1]!.click();
      await waitForTexts(popup, 'section[aria-label="Prompt"]', [`${FIRST} --ar 4:3`]);

      // Search as you type.
      await fill(popup, 'Search history', 'meadow');
      await waitForTexts(popup, '.history-preview', [SECOND]);
      await Promise.all([popup.close(), page.close()]);
    },
  );
});

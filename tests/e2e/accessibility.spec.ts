import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { axeViolations } from './support/axe';
import { configure, launchExtension, openPopup, type Extension } from './support/extension';
import { FakeProvider } from './support/fake-provider';
import { checkFocusOrder } from './support/focus-check';
import { generateFrom, pageWithImage } from './support/scenario';
import { TestSite } from './support/test-site';

/**
 * axe-core on every extension page, in both colour schemes and in a right-to-left language:
 * zero violations. One browser for the whole file: the scheme is emulated per page and the
 * language switched through the settings, as a user would.
 */

const SCHEMES = ['light', 'dark'] as const;
const LANGUAGES = ['en', 'ar'] as const;
type Scheme = (typeof SCHEMES)[number];
type Language = (typeof LANGUAGES)[number];

const strings = (code: Language) => JSON.parse(fs.readFileSync(`locales/${code}.json`, 'utf8'));

let ext: Extension;
let provider: FakeProvider;
let site: TestSite;

test.beforeAll(async ({ display: _display }) => {
  provider = await new FakeProvider().start();
  site = await new TestSite().start();
  ext = await launchExtension();
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
});

test.afterAll(async () => {
  await ext?.context.close();
  if (ext) fs.rmSync(ext.userDataDir, { recursive: true, force: true });
  await provider?.stop();
  await site?.stop();
});

async function setLanguage(language: Language): Promise<void> {
  await (await ext.worker()).evaluate(async (uiLanguage) => {
    const chrome = (globalThis as any).chrome;
    const { settings = {} } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, uiLanguage } });
  }, language);
}

/** An extension page in the given scheme and language, once it has drawn in that language. */
async function open(path: string, scheme: Scheme, language: Language): Promise<Page> {
  await setLanguage(language);
  const page = path === 'popup.html' ? await openPopup(ext) : await ext.context.newPage();
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  if (path !== 'popup.html') await page.goto(ext.url(path));
  if (path === 'popup.html') await page.setViewportSize({ width: 400, height: 640 });
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.locator('h1')).toBeVisible();
  // The scheme took: the page is drawn in that theme's colours (components/theme.css).
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    scheme === 'dark' ? 'rgb(22, 24, 28)' : 'rgb(255, 255, 255)',
  );
  return page;
}

async function expectNoViolations(page: Page): Promise<void> {
  expect(await axeViolations(page), 'axe-core violations (rule, impact, target, what to fix)').toEqual([]);
}

test('the check can fail: an unlabelled image and faint text are reported', async () => {
  const page = await open('privacy.html', 'light', 'en');
  await page.evaluate(() => {
    const probe = document.createElement('p');
    probe.innerHTML =
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"><span ' +
      'style="color:#ccc">faint</span>';
    document.querySelector('main')?.append(probe);
  });
  const found = (await axeViolations(page)).join('\n');
  expect(found).toContain('image-alt');
  expect(found).toContain('color-contrast');
  await page.close();
});

for (const scheme of SCHEMES) {
  for (const language of LANGUAGES) {
    const where = `${scheme}, ${language === 'ar' ? 'Arabic (right to left)' : 'English'}`;

    test(`popup, empty (no prompt yet) — ${where}: no axe violations`, async () => {
      const page = await open('popup.html', scheme, language);
      await expect(page.getByRole('heading', { name: strings(language).popup.emptyTitle })).toBeVisible();
      await expectNoViolations(page);
      await page.close();
    });

    test(`options page — ${where}: no axe violations`, async () => {
      const page = await open('options.html', scheme, language);
      await expect(page.getByRole('heading', { name: strings(language).options.title })).toBeVisible();
      await expectNoViolations(page);
      // The confirmation of "Delete all data" (danger colours) too.
      await page.getByRole('button', { name: strings(language).privacy.options.deleteAll }).click();
      await expect(page.getByRole('group', { name: strings(language).privacy.options.confirmTitle })).toBeVisible();
      await expectNoViolations(page);
      await page.close();
    });

    test(`privacy page — ${where}: no axe violations`, async () => {
      const page = await open('privacy.html', scheme, language);
      await expect(page.getByRole('heading', { name: strings(language).privacy.page.title })).toBeVisible();
      await expectNoViolations(page);
      await page.close();
    });
  }
}

test.describe('with prompts in the history', () => {
  test.beforeAll(async ({ display: _display }) => {
    test.setTimeout(120_000);
    await setLanguage('en');
    const scratch = await ext.context.newPage();
    await scratch.goto(site.page('/scratch.html', '<!doctype html><title>scratch</title>'));
    // A finished prompt, written again in a second style (two versions of one image)…
    provider.reply({ kind: 'stream', text: 'A red fox in fresh snow, golden hour, soft rim light.' });
    await (
      await generateFrom(ext, await pageWithImage(site, scratch, { width: 400, height: 300, color: [200, 120, 40] }))
    ).close();
    await provider.waitForRequests(1);
    const popup = await openPopup(ext);
    await expect(popup.getByRole('button', { name: 'Copy' })).toBeVisible();
    await popup.getByLabel('Regenerate as').selectOption({ label: 'Midjourney' });
    await popup.getByRole('button', { name: 'Regenerate' }).click();
    await expect(popup.getByRole('navigation', { name: 'Prompts for this image' }).getByRole('button')).toHaveCount(2);
    await expect(popup.getByRole('region', { name: 'Prompt' })).toContainText('--ar 4:3');
    await popup.close();
    // …and a failure, newest.
    provider.reply({ kind: 'error', status: 403 });
    await (
      await generateFrom(ext, await pageWithImage(site, scratch, { width: 300, height: 400, color: [40, 120, 200] }))
    ).close();
    await provider.waitForRequests(3);
    await scratch.close();
  });

  /** The popup showing the finished prompt (the older history row) or the failure (the newest). */
  async function popupShowing(state: 'result' | 'error', scheme: Scheme, language: Language): Promise<Page> {
    const page = await open('popup.html', scheme, language);
    await expect(page.locator('.history-item')).toHaveCount(2);
    if (state === 'result') {
      await page.locator('.history-item').nth(1).click();
      await expect(page.getByRole('region', { name: strings(language).popup.promptLabel })).toContainText('--ar 4:3');
    } else {
      await expect(page.getByRole('alert')).toBeVisible();
    }
    return page;
  }

  for (const scheme of SCHEMES) {
    for (const language of LANGUAGES) {
      const where = `${scheme}, ${language === 'ar' ? 'Arabic (right to left)' : 'English'}`;

      test(`popup, finished prompt with history rows — ${where}: no axe violations`, async () => {
        const page = await popupShowing('result', scheme, language);
        await expectNoViolations(page);
        await page.close();
      });

      test(`popup, error — ${where}: no axe violations`, async () => {
        const page = await popupShowing('error', scheme, language);
        await expectNoViolations(page);
        await page.close();
      });
    }
  }

  for (const scheme of SCHEMES) {
    for (const language of LANGUAGES) {
      const where = `${scheme}, ${language === 'ar' ? 'Arabic (right to left)' : 'English'}`;
      test(
        `keyboard — ${where}: every control of the popup and the ` + `options page shows focus, in reading order`,
        async () => {
          const popup = await popupShowing('result', scheme, language);
          const inPopup = await checkFocusOrder(popup);
          expect(inPopup.stops.length, inPopup.stops.join('\n')).toBeGreaterThan(10);
          const options = await open('options.html', scheme, language);
          const inOptions = await checkFocusOrder(options);
          expect(inOptions.stops.length, inOptions.stops.join('\n')).toBeGreaterThan(15);
          expect([
            ...inPopup.problems.map((p) => `popup: ${p}`),
            ...inOptions.problems.map((p) => `options: ${p}`),
          ]).toEqual([]);
          await popup.close();
          await options.close();
        },
      );
    }
  }

  test('screen readers: a prompt being written is announced politely once it is done, not token by token', async () => {
    const page = await popupShowing('result', 'light', 'en');
    // Everything any live region says, as it says it.
    await page.evaluate(() => {
      const said: string[] = [];
      (window as any).__said = said;
      const live = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
      new MutationObserver((records) => {
        const regions = new Set(
          records.map((r) => (r.target instanceof Element ? r.target : r.target.parentElement)?.closest(live)),
        );
        for (const region of regions) if (region?.textContent) said.push(region.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const text = 'A lighthouse on a basalt cliff at dusk, long exposure, sea mist, warm window light';
    provider.reply({ kind: 'stream', text, pieces: 8, delayMs: 250 });
    await page.getByLabel('Regenerate as').selectOption({ label: 'Natural language' });
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect(page.getByRole('region', { name: 'Prompt' })).toHaveText(text);
    await expect(page.getByRole('region', { name: 'Prompt' })).not.toHaveAttribute('aria-live');
    await expect(page.getByTestId('job-announcer')).toHaveText(`Done: ${text}`);
    const said: string[] = await page.evaluate(() => (window as any).__said);
    expect(said.some((s) => s.includes('Writing the prompt…'))).toBe(true);
    // The prompt is read once, whole; no half-written prompt is read at all.
    expect(said.filter((s) => s.includes(text))).toEqual([`Done: ${text}`]);
    expect(said.filter((s) => !s.includes(text) && s.includes('A lighthouse'))).toEqual([]);
    await page.close();
  });

  test('screen readers: a retry countdown is said once, not every second', async () => {
    const page = await open('popup.html', 'light', 'en');
    await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
    provider.reply({ kind: 'error', status: 429, headers: { 'retry-after': '4' } });
    await page.getByLabel('Regenerate as').selectOption({ label: 'DALL·E' });
    await page.getByRole('button', { name: 'Regenerate' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Trying again' });
    await expect(status).toBeVisible();
    const spoken = await status.ariaSnapshot();
    const shown = await status.innerText();
    await expect.poll(() => status.innerText()).not.toBe(shown);
    expect(await status.ariaSnapshot()).toBe(spoken);
    await expect(page.getByTestId('job-announcer')).toHaveText(/^Done: /, { timeout: 20_000 });
    await page.close();
  });
});

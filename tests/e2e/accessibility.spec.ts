import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { FakeImageProviders } from '../support/fake-image-providers';
import { expect, test } from './fixtures';
import { axeViolations } from './support/axe';
import { openGallery, type StoredBatch } from './support/batch';
import { recreateFromPopup } from './support/compare-page';
import { configure, launchExtension, openPopup, type Extension } from './support/extension';
import { FakeProvider } from './support/fake-provider';
import { checkFocusOrder } from './support/focus-check';
import { configureImages } from './support/image-settings';
import { storedRows } from './support/job-records';
import { findClippedControls } from './support/layout-check';
import { optionsWith } from './support/on-device-options';
import { makeImage } from './support/images';
import { generateFrom, pageWithImage } from './support/scenario';
import { TestSite } from './support/test-site';

/**
 * axe-core on every extension page, in both colour schemes and in a right-to-left language:
 * zero violations; in Arabic the page is right to left with nothing clipped. One browser for the
 * whole file: the scheme is emulated per page and the language switched through the settings, as
 * a user would.
 */

const SCHEMES = ['light', 'dark'] as const;
const LANGUAGES = ['en', 'ar'] as const;
type Scheme = (typeof SCHEMES)[number];
type Language = (typeof LANGUAGES)[number];

const strings = (code: Language) => JSON.parse(fs.readFileSync(`locales/${code}.json`, 'utf8'));

let ext: Extension;
let provider: FakeProvider;
let images: FakeImageProviders;
let site: TestSite;

test.beforeAll(async ({ display: _display }) => {
  provider = await new FakeProvider().start();
  images = await new FakeImageProviders().start();
  site = await new TestSite().start();
  ext = await launchExtension();
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
});

test.afterAll(async () => {
  await ext?.context.close();
  if (ext) fs.rmSync(ext.userDataDir, { recursive: true, force: true });
  await provider?.stop();
  await images?.stop();
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
async function open(path: string, scheme: Scheme, language: Language, existing?: Page): Promise<Page> {
  await setLanguage(language);
  const page = path === 'popup.html' ? await openPopup(ext) : (existing ?? (await ext.context.newPage()));
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

/**
 * Zero axe violations (in the part `within` selects, or the whole page); in Arabic also right to
 * left, with no control of the page clipped and no sideways scroll.
 */
async function expectNoViolations(page: Page, within?: string): Promise<void> {
  expect(await axeViolations(page, within), 'axe-core violations (rule, impact, target, what to fix)').toEqual([]);
  if ((await page.locator('html').getAttribute('lang')) !== 'ar') return;
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await findClippedControls(page), 'clipped in Arabic').toEqual([]);
}

/** Kept for review when SCREENSHOTS names a folder (as compare-models.spec.ts does). */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
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

const VISION = () => ({ baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });

test.describe('with prompts in the history', () => {
  /** The Compare page of the finished prompt: its recreation and its score. */
  let comparePath = '';

  test.beforeAll(async ({ display: _display }) => {
    test.setTimeout(180_000);
    await setLanguage('en');
    const scratch = await ext.context.newPage();
    await scratch.goto(site.page('/scratch.html', '<!doctype html><title>scratch</title>'));
    // An alt-text result for an image that had an alt on its page (the copy formats and that alt), oldest…
    await configure(ext, { ...VISION(), defaultStyle: 'alt-text' });
    provider.reply({ kind: 'stream', text: 'A red fox sitting in fresh snow.' });
    const altPage = await pageWithImage(
      site,
      scratch,
      { width: 400, height: 300, color: [180, 90, 40] },
      'IMG_0042.jpg',
    );
    await (await generateFrom(ext, altPage)).close();
    await provider.waitForRequests(1);
    await configure(ext, { ...VISION(), defaultStyle: 'natural' });
    // …a finished prompt, written again in a second style (two versions of one image)…
    provider.reply({ kind: 'stream', text: 'A red fox in fresh snow, golden hour, soft rim light.' });
    await (
      await generateFrom(ext, await pageWithImage(site, scratch, { width: 400, height: 300, color: [200, 120, 40] }))
    ).close();
    await provider.waitForRequests(2);
    const popup = await openPopup(ext);
    await expect(popup.getByRole('button', { name: 'Copy' })).toBeVisible();
    await popup.getByLabel('Regenerate as').selectOption({ label: 'Midjourney' });
    await popup.getByRole('button', { name: 'Regenerate' }).click();
    await expect(popup.getByRole('navigation', { name: 'Prompts for this image' }).getByRole('button')).toHaveCount(2);
    await expect(popup.getByRole('region', { name: 'Prompt' })).toContainText('--ar 4:3');
    await popup.close();
    // …recreated and scored on its Compare page…
    await configureImages(ext, { provider: 'openai', baseUrl: images.openaiBase, apiKey: images.keys.openai });
    const compare = await recreateFromPopup(ext);
    await expect(compare.getByRole('img', { name: 'Recreation', exact: true })).toBeVisible({ timeout: 30_000 });
    provider.verdicts = [64];
    await compare.getByRole('button', { name: 'How close?' }).click();
    await expect(compare.locator('.score-overall')).toHaveText('64 / 100', { timeout: 20_000 });
    comparePath = compare.url().slice(ext.url('').length);
    await compare.close();
    // …and a failure, newest.
    provider.reply({ kind: 'error', status: 403 });
    await (
      await generateFrom(ext, await pageWithImage(site, scratch, { width: 300, height: 400, color: [40, 120, 200] }))
    ).close();
    await provider.waitForRequests(5);
    await scratch.close();
  });

  /**
   * The popup (or the side panel, the same App) showing the finished prompt (the middle history
   * row), the alt text (the oldest) or the failure (the newest).
   */
  async function popupShowing(
    state: 'result' | 'alt-text' | 'error',
    scheme: Scheme,
    language: Language,
    path = 'popup.html',
  ): Promise<Page> {
    const page = await open(path, scheme, language);
    const t = strings(language);
    await expect(page.locator('.history-item')).toHaveCount(3);
    if (state === 'result') {
      await page.locator('.history-item').nth(1).click();
      await expect(page.getByRole('region', { name: t.popup.promptLabel })).toContainText('--ar 4:3');
    } else if (state === 'alt-text') {
      await page.locator('.history-item').nth(2).click();
      await expect(page.getByText('IMG_0042.jpg')).toBeVisible();
      await expect(page.getByLabel(t.altText.copyAs)).toBeVisible();
    } else {
      await expect(page.getByRole('alert')).toBeVisible();
    }
    return page;
  }

  for (const scheme of SCHEMES) {
    for (const language of LANGUAGES) {
      const where = `${scheme}, ${language === 'ar' ? 'Arabic (right to left)' : 'English'}`;

      test(
        `popup, finished prompt with history rows, then its "Send to…" ` + `menu open — ${where}: no axe violations`,
        async () => {
          const page = await popupShowing('result', scheme, language);
          await expectNoViolations(page);
          const label = strings(language).sendTo.button;
          await page.getByRole('button', { name: label }).click();
          await expect(page.getByRole('menu', { name: label }).getByRole('menuitem').first()).toBeVisible();
          await expectNoViolations(page);
          await keepScreenshot(page, `a11y-popup-send-to-${scheme}-${language}`);
          await page.close();
        },
      );

      test(`popup, alt text with the page's own alt and the copy formats — ${where}: no axe violations`, async () => {
        const page = await popupShowing('alt-text', scheme, language);
        await expectNoViolations(page);
        await keepScreenshot(page, `a11y-popup-alt-text-${scheme}-${language}`);
        await page.close();
      });

      test(`popup, error — ${where}: no axe violations`, async () => {
        const page = await popupShowing('error', scheme, language);
        await expectNoViolations(page);
        await page.close();
      });

      test(`side panel, finished prompt — ${where}: no axe violations`, async () => {
        const page = await popupShowing('result', scheme, language, 'sidepanel.html');
        await expectNoViolations(page);
        await keepScreenshot(page, `a11y-sidepanel-${scheme}-${language}`);
        await page.close();
      });

      test(`Compare page, recreation and score, then the model picker open — ${where}: no axe violations`, async () => {
        const page = await open(comparePath, scheme, language);
        const t = strings(language);
        await expect(page.getByRole('img', { name: t.generation.recreation, exact: true })).toBeVisible();
        await expect(page.locator('.score-overall')).toBeVisible();
        await expectNoViolations(page);
        const picker = page.getByRole('button', { name: t.compareModels.title, exact: true }).first();
        await picker.click();
        await expect(picker).toHaveAttribute('aria-expanded', 'true');
        await expectNoViolations(page);
        await keepScreenshot(page, `a11y-compare-${scheme}-${language}`);
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

test.describe('the Batch page', () => {
  /** A tab with no batch yet (the pick view), and a finished batch of another tab (the run view). */
  let pickPath = '';
  let runPath = '';

  /** A gallery of three pictures open in a tab; answers the tab's id. */
  async function galleryTab(name: string, scratch: Page): Promise<number> {
    const colours: Array<[number, number, number]> = [
      [200, 60, 40],
      [40, 140, 60],
      [50, 80, 200],
    ];
    for (const [i, color] of colours.entries())
      site.add(
        `/${name}/${i}.png`,
        await makeImage(scratch, { width: 600, height: 400, color, type: 'image/png' }),
        'image/png',
      );
    const pictures = colours.map(
      (_, i) => `<img src="{{IMG}}/${name}/${i}.png" alt="Picture ${i + 1}" width="300" height="200">`,
    );
    const url = site.page(
      `/${name}.html`,
      `<!doctype html><html lang="en"><title>${name}</title><body>${pictures.join('')}`,
    );
    const { options, tabId } = await openGallery(ext, url);
    await options.close();
    return tabId;
  }

  test.beforeAll(async ({ display: _display }) => {
    test.setTimeout(120_000);
    await setLanguage('en');
    await configure(ext, VISION());
    const scratch = await ext.context.newPage();
    await scratch.goto(site.page('/scratch.html', '<!doctype html><title>scratch</title>'));
    pickPath = `batch.html?tab=${await galleryTab('pick-gallery', scratch)}`;
    const batch = await ext.context.newPage();
    await batch.goto(ext.url(`batch.html?tab=${await galleryTab('run-gallery', scratch)}`));
    await expect(batch.getByRole('checkbox')).toHaveCount(3);
    await batch.getByRole('button', { name: 'Start', exact: true }).click();
    await expect
      .poll(async () => (await storedRows<StoredBatch>(batch, 'batches')).map((b) => b.state), { timeout: 60_000 })
      .toEqual(['done']);
    runPath = `batch.html?batch=${(await storedRows<StoredBatch>(batch, 'batches'))[0]!.id}`;
    await batch.close();
    await scratch.close();
  });

  for (const scheme of SCHEMES) {
    for (const language of LANGUAGES) {
      const where = `${scheme}, ${language === 'ar' ? 'Arabic (right to left)' : 'English'}`;

      test(`Batch page, pick view — ${where}: no axe violations`, async () => {
        const page = await open(pickPath, scheme, language);
        await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(3);
        await expectNoViolations(page);
        await keepScreenshot(page, `a11y-batch-pick-${scheme}-${language}`);
        await page.close();
      });

      test(`Batch page, run view of a finished batch — ${where}: no axe violations`, async () => {
        const page = await open(runPath, scheme, language);
        await expect(page.getByRole('progressbar')).toBeVisible();
        await expect(page.locator('.card[data-status="done"]')).toHaveCount(3);
        await expectNoViolations(page);
        await keepScreenshot(page, `a11y-batch-run-${scheme}-${language}`);
        await page.close();
      });
    }
  }
});

test.describe('on-device provider in the options', () => {
  test.beforeAll(async () => {
    await configure(ext, { provider: 'on-device', baseUrl: '', model: 'gemini-nano' });
  });

  // Each state in both schemes across the two languages; axe on the on-device part only (the whole
  // options page, seconds of axe each time, is checked above).
  for (const [language, schemes] of [
    ['en', ['light', 'dark', 'light']],
    ['ar', ['dark', 'light', 'dark']],
  ] as const) {
    const where = language === 'ar' ? 'Arabic (right to left)' : 'English';
    test(
      `options, on-device: not available, downloadable, downloading — ` +
        `${where}, ${schemes.join('/')}: no axe violations`,
      async () => {
        const t = strings(language);
        await setLanguage(language);
        const unavailable = await optionsWith(ext, { availability: 'unavailable' });
        await unavailable.emulateMedia({ colorScheme: schemes[0], reducedMotion: 'reduce' });
        await expect(unavailable.getByText(t.onDevice.unavailable)).toBeVisible();
        await expectNoViolations(unavailable, '.on-device');
        await unavailable.close();

        // Held at the start of the download long enough to check it.
        const page = await optionsWith(ext, { availability: 'downloadable', downloadStepMs: 30_000 });
        await page.emulateMedia({ colorScheme: schemes[1], reducedMotion: 'reduce' });
        await expect(page.getByText(t.onDevice.downloadable)).toBeVisible();
        await expectNoViolations(page, '.on-device');
        await page.getByRole('button', { name: t.onDevice.download }).click();
        await expect(page.getByRole('progressbar', { name: t.onDevice.downloading })).toBeVisible();
        await page.emulateMedia({ colorScheme: schemes[2], reducedMotion: 'reduce' });
        await expectNoViolations(page, '.on-device');
        await keepScreenshot(page, `a11y-options-on-device-${language}`);
        await page.close();
      },
    );
  }
});

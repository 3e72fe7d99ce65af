import fs from 'node:fs';
import { test, expect } from './fixtures';
import { configure, launchExtension, openPopup } from './support/extension';
import { findClippedControls } from './support/layout-check';
import { generateFrom, pageWithImage } from './support/scenario';

const LANGUAGES = [
  'en',
  'es',
  'fr',
  'de',
  'zh-CN',
  'ja',
  'ko',
  'ru',
  'it',
  'pt-BR',
  'ar',
  'hi',
  'tr',
  'vi',
  'id',
] as const;
const strings = (code: string) => JSON.parse(fs.readFileSync(`locales/${code}.json`, 'utf8'));

async function setLanguage(ext: { worker: () => Promise<import('@playwright/test').Worker> }, uiLanguage: string) {
  await (await ext.worker()).evaluate(async (language) => {
    const chrome = (globalThis as any).chrome;
    const { settings = {} } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, uiLanguage: language } });
  }, uiLanguage);
}

test('Chromium in Arabic (--lang=ar): the popup is in Arabic, right to left', async () => {
  const ext = await launchExtension({ lang: 'ar' });
  try {
    const popup = await openPopup(ext);
    const ar = strings('ar');
    await expect(popup.getByRole('heading', { name: ar.popup.history })).toBeVisible();
    await expect(popup.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(popup.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(popup.getByRole('button', { name: ar.popup.settings, exact: true })).toBeVisible();
    // Mirrored: the settings button sits at the inline end, which is the left in Arabic.
    const header = await popup.locator('.popup-head').boundingBox();
    const button = await popup.getByRole('button', { name: ar.popup.settings, exact: true }).boundingBox();
    expect(button!.x).toBeLessThan(header!.x + header!.width / 2);
    expect(await findClippedControls(popup)).toEqual([]);
  } finally {
    await ext.context.close();
  }
});

test('switching "Interface language" applies at once to the open popup, the options page and the menu', async ({
  ext,
}) => {
  const popup = await openPopup(ext);
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await expect(popup.getByRole('heading', { name: 'History' })).toBeVisible();

  // The menu has no read API: record what the worker gives it when it rebuilds.
  const worker = await ext.worker();
  await worker.evaluate(() => {
    const menus = (globalThis as any).chrome.contextMenus;
    const created: string[] = [];
    (globalThis as any).__menuTitles = created;
    const original = menus.create.bind(menus);
    menus.create = (props: { title: string }, callback?: () => void) => {
      created.push(props.title);
      return original(props, callback);
    };
  });

  await options.getByLabel('Interface language').selectOption({ label: 'Deutsch' });
  const de = strings('de');
  await expect(options.getByRole('heading', { name: de.options.title })).toBeVisible();
  await expect(options.getByLabel(de.options.interfaceLanguage)).toHaveValue('de');
  await expect(popup.getByRole('heading', { name: de.popup.history })).toBeVisible();
  await expect
    .poll(() => worker.evaluate(() => (globalThis as any).__menuTitles as string[]))
    .toContain(de.menu.defaultStyle.replace('{{style}}', de.styles.natural));

  // Back to following the browser (English here).
  await options.getByLabel(de.options.interfaceLanguage).selectOption('auto');
  await expect(popup.getByRole('heading', { name: 'History' })).toBeVisible();
});

test('every language: popup and options render with nothing clipped; screenshots for review', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  test.setTimeout(180_000);
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  provider.reply(
    { kind: 'error', status: 429, headers: { 'retry-after': '0' } },
    { kind: 'error', status: 429, headers: { 'retry-after': '0' } },
    { kind: 'error', status: 429, headers: { 'retry-after': '0' } },
  );
  await generateFrom(ext, await pageWithImage(site, scratch, { width: 900, height: 600, color: [200, 120, 40] }));
  await provider.waitForRequests(3);
  await generateFrom(ext, await pageWithImage(site, scratch, { width: 600, height: 900, color: [40, 120, 200] }));
  await provider.waitForRequests(4);

  const popup = await openPopup(ext);
  await popup.setViewportSize({ width: 400, height: 640 });
  const options = await ext.context.newPage();
  await options.setViewportSize({ width: 800, height: 1200 });
  await options.goto(ext.url('options.html'));
  await expect(popup.locator('.prompt')).toBeVisible();
  fs.mkdirSync('test-results/screenshots', { recursive: true });

  // The check can fail: a button too narrow for its word is reported.
  await popup.evaluate(() => {
    const probe = Object.assign(document.createElement('button'), { id: 'probe', textContent: 'Unbreakablelongword' });
    probe.style.cssText = 'inline-size: 40px; white-space: nowrap; overflow: hidden';
    document.body.append(probe);
  });
  expect((await findClippedControls(popup)).join('\n')).toContain('"Unbreakablelongword" clipped');
  await popup.evaluate(() => document.getElementById('probe')?.remove());

  const problems: string[] = [];
  for (const code of LANGUAGES) {
    await setLanguage(ext, code);
    const t = strings(code);
    await expect(popup.getByRole('heading', { name: t.popup.history })).toBeVisible();
    await expect(options.getByRole('heading', { name: t.options.title })).toBeVisible();
    await expect(popup.locator('html')).toHaveAttribute('lang', code);
    for (const [name, page] of [
      ['popup', popup],
      ['options', options],
    ] as const) {
      problems.push(...(await findClippedControls(page)).map((p) => `${code} ${name}: ${p}`));
      await page.screenshot({ path: `test-results/screenshots/${code}-${name}.png`, fullPage: true });
    }
    // The failed job shows its message in this language too.
    await popup.locator('.history-item').nth(1).click();
    await expect(popup.getByRole('alert').locator('strong')).toHaveText(
      t.errors['rate-limited'].title.replace('{{provider}}', 'OpenAI'),
    );
    problems.push(...(await findClippedControls(popup)).map((p) => `${code} popup (error): ${p}`));
    await popup.screenshot({ path: `test-results/screenshots/${code}-popup-error.png`, fullPage: true });
    await popup.locator('.history-item').nth(0).click();
  }
  expect(problems).toEqual([]);
});

import fs from 'node:fs';
import { test, expect } from './fixtures';
import { configure, launchExtension, openPopup, type Extension } from './support/extension';
import { generateFrom, pageWithImage } from './support/scenario';
import type { Page } from '@playwright/test';
import type { FakeProvider } from './support/fake-provider';
import type { TestSite } from './support/test-site';

const IMAGES = [
  { width: 400, height: 300, color: [200, 40, 30] as [number, number, number] },
  { width: 300, height: 400, color: [30, 200, 40] as [number, number, number] },
  { width: 500, height: 250, color: [30, 40, 200] as [number, number, number] },
];

/** Three images through the real menu, one after another, each with its own prompt. */
async function makeThreePrompts(
  ext: Extension,
  provider: FakeProvider,
  site: TestSite,
  scratch: Page,
  texts: string[],
  styles: string[],
) {
  const titles: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    await configure(ext, {
      baseUrl: provider.baseUrl,
      model: 'gpt-5.4-mini',
      apiKey: provider.apiKey,
      defaultStyle: styles[i],
    });
    provider.reply({ kind: 'stream', text: texts[i]! });
    const page = await generateFrom(ext, await pageWithImage(site, scratch, IMAGES[i]!));
    titles.push(await page.title());
    await provider.waitForRequests(i + 1);
    await page.close();
  }
  return titles;
}

test('History: search as you type, style filter, favourites, keyboard, delete with Undo, clear all with Undo', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  const titles = await makeThreePrompts(
    ext,
    provider,
    site,
    scratch,
    ['A red fox in fresh snow', 'Neon cyberpunk alley at night', 'red barn, storm clouds, dramatic light'],
    ['natural', 'natural', 'midjourney'],
  );
  const popup = await openPopup(ext);
  const history = popup.getByRole('region', { name: 'History' });
  const previews = history.locator('.history-preview');
  await expect(history.getByText('3 entries')).toBeVisible();
  await expect(previews).toHaveText([
    'red barn, storm clouds, dramatic light --ar 2:1',
    'Neon cyberpunk alley at night',
    'A red fox in fresh snow',
  ]);

  const search = popup.getByRole('searchbox', { name: 'Search history' });
  await search.fill('red');
  await expect(previews).toHaveText(['red barn, storm clouds, dramatic light --ar 2:1', 'A red fox in fresh snow']);
  await search.fill('FOX red');
  await expect(previews).toHaveText(['A red fox in fresh snow']);
  // The source page's title is searched too (no prompt says "page").
  await search.fill(titles[1]!.split(' ')[0]!.toUpperCase());
  await expect(previews).toHaveCount(3);
  await search.fill('dragon');
  await expect(history.getByText('Nothing in your history matches.')).toBeVisible();
  await history.getByRole('button', { name: 'Show all' }).click();
  await expect(search).toHaveValue('');
  await expect(previews).toHaveCount(3);

  await popup.getByRole('combobox', { name: 'Filter by style' }).selectOption({ label: 'Midjourney' });
  await expect(previews).toHaveText(['red barn, storm clouds, dramatic light --ar 2:1']);
  await popup.getByRole('combobox', { name: 'Filter by style' }).selectOption({ label: 'All styles' });

  // Favourite the fox, then show favourites only.
  const foxRow = history.getByRole('listitem').filter({ hasText: 'A red fox' });
  await foxRow.getByRole('button', { name: 'Favourite', exact: true }).click();
  await expect(foxRow.getByRole('button', { name: 'Favourite', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await history.getByRole('button', { name: 'Favourites only' }).click();
  await expect(previews).toHaveText(['A red fox in fresh snow']);
  await history.getByRole('button', { name: 'Favourites only' }).click();
  // The whole list is back before the keyboard walks it (else ArrowDown meets a one-row list).
  await expect(previews).toHaveCount(3);

  // Keyboard: arrows move between rows, Enter shows the row's prompt above.
  const rows = history.locator('.history-item');
  await rows.first().focus();
  await popup.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText('Neon cyberpunk alley at night');

  // Delete (the Delete key on the focused row), then Undo brings back the same entry.
  await popup.keyboard.press('Delete');
  await expect(previews).toHaveCount(2);
  await expect(history.getByText('2 entries')).toBeVisible();
  await history.getByRole('button', { name: 'Undo' }).click();
  await expect(previews).toHaveText([
    'red barn, storm clouds, dramatic light --ar 2:1',
    'Neon cyberpunk alley at night',
    'A red fox in fresh snow',
  ]);

  // Clear all asks first; the safe answer keeps everything.
  await history.getByRole('button', { name: 'Clear all' }).click();
  await expect(history.getByRole('alertdialog')).toContainText('Delete all 3 entries');
  await history.getByRole('button', { name: 'Keep them' }).click();
  await expect(previews).toHaveCount(3);
  await history.getByRole('button', { name: 'Clear all' }).click();
  await history.getByRole('button', { name: 'Delete all' }).click();
  await expect(history.getByText('Prompts you generate appear here.')).toBeVisible();
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveCount(0);
  await history.getByRole('button', { name: 'Undo' }).click();
  await expect(previews).toHaveCount(3);
  await expect(foxRow.getByRole('button', { name: 'Favourite', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('Prompts survive a browser restart (same profile, relaunched)', async ({ provider, site }) => {
  let ext = await launchExtension();
  const userDataDir = ext.userDataDir;
  try {
    const scratch = await ext.context.newPage();
    await scratch.goto(site.page('/scratch.html', '<!doctype html><title>scratch</title>'));
    await makeThreePrompts(ext, provider, site, scratch, ['A lighthouse on a cliff at dusk'], ['natural']);
    let popup = await openPopup(ext);
    await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText('A lighthouse on a cliff at dusk');
    await popup.getByRole('button', { name: 'Favourite', exact: true }).click();
    await ext.context.close();

    ext = await launchExtension({ userDataDir });
    popup = await openPopup(ext);
    await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText('A lighthouse on a cliff at dusk');
    const history = popup.getByRole('region', { name: 'History' });
    await expect(history.locator('.history-preview')).toHaveText(['A lighthouse on a cliff at dusk']);
    await expect(history.getByRole('button', { name: 'Favourite', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  } finally {
    await ext.context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
});

/** An export file as "Export JSON" writes it, with `count` entries of made-up prompts. */
function exportFile(count: number): string {
  const words = (
    'fox harbor neon alley portrait misty forest castle river sunset city robot garden ocean desert owl ' +
    'lantern rain snow'
  ).split(' ');
  const now = Date.now();
  const entries = Array.from({ length: count }, (_, i) => {
    const at = now - i * 60_000;
    const text = Array.from({ length: 30 }, (_, w) => words[(i * 7 + w * 3) % words.length]).join(' ');
    return {
      id: `img-${i}`,
      createdAt: at,
      updatedAt: at,
      favorite: false,
      source: { pageUrl: `https://example.com/${i}`, pageTitle: `Gallery page ${i}` },
      prompts: [
        {
          id: `job-${i}`,
          createdAt: at,
          updatedAt: at,
          status: 'done',
          style: 'natural',
          detail: 'standard',
          language: 'en',
          provider: 'openai',
          model: 'gpt-5.4-mini',
          text: i === 7777 ? `${text} with a quetzal` : text,
          kind: 'text',
        },
      ],
    };
  });
  return JSON.stringify({ format: 'promptlens-history', version: 1, exportedAt: new Date(now).toISOString(), entries });
}

test('10,000 imported entries: the popup lists them and search finds the one', async ({ ext }, testInfo) => {
  test.setTimeout(180_000);
  const file = testInfo.outputPath('history-10k.json');
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  fs.writeFileSync(file, exportFile(10_000));
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  const [chooser] = await Promise.all([
    options.waitForEvent('filechooser'),
    options.getByRole('button', { name: 'Import…' }).click(),
  ]);
  await chooser.setFiles(file);
  await expect(options.getByRole('status').filter({ hasText: 'Imported' })).toContainText('10,000', {
    timeout: 120_000,
  });

  const popup = await openPopup(ext);
  const history = popup.getByRole('region', { name: 'History' });
  await expect(history.getByText('10,000 entries')).toBeVisible();
  // Virtualized: a handful of rows exist in the page, not 10,000.
  expect(await history.locator('.history-item').count()).toBeLessThan(60);
  await popup.getByRole('searchbox', { name: 'Search history' }).fill('quetzal');
  await expect(history.locator('.history-preview')).toHaveCount(1);
  await expect(history.locator('.history-preview')).toContainText('with a quetzal');
  await popup.getByRole('searchbox', { name: 'Search history' }).fill('gallery page 9999');
  await expect(history.locator('.history-preview')).toHaveCount(1);
  // The last row is reachable from the keyboard.
  await popup.getByRole('searchbox', { name: 'Search history' }).fill('');
  await history.locator('.history-item').first().focus();
  await popup.keyboard.press('End');
  await expect(popup.locator('.history-item:focus')).toHaveAttribute('data-index', '9999');
});

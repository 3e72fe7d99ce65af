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
async function makeThreePrompts(ext: Extension, provider: FakeProvider, site: TestSite, scratch: Page, texts: string[], styles: string[]) {
  const titles: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey, defaultStyle: styles[i] });
    provider.reply({ kind: 'stream', text: texts[i]! });
    const page = await generateFrom(ext, await pageWithImage(site, scratch, IMAGES[i]!));
    titles.push(await page.title());
    await provider.waitForRequests(i + 1);
    await page.close();
  }
  return titles;
}

test('History: search as you type, style filter, favourites, keyboard, delete with Undo, clear all with Undo', async ({ ext, provider, site, scratch }) => {
  const titles = await makeThreePrompts(ext, provider, site, scratch, ['A red fox in fresh snow', 'Neon cyberpunk alley at night', 'red barn, storm clouds, dramatic light'], ['natural', 'natural', 'midjourney']);
  const popup = await openPopup(ext);
  const history = popup.getByRole('region', { name: 'History' });
  const previews = history.locator('.history-preview');
  await expect(history.getByText('3 entries')).toBeVisible();
  await expect(previews).toHaveText(['red barn, storm clouds, dramatic light --ar 2:1', 'Neon cyberpunk alley at night', 'A red fox in fresh snow']);

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
  await expect(previews).toHaveText(['red barn, storm clouds, dramatic light --ar 2:1', 'Neon cyberpunk alley at night', 'A red fox in fresh snow']);

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
    await expect(history.getByRole('button', { name: 'Favourite', exact: true })).toHaveAttribute('aria-pressed', 'true');
  } finally {
    await ext.context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
});

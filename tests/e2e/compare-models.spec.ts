import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { axeViolations } from './support/axe';
import { configure, openPopup, type Extension } from './support/extension';
import type { FakeProvider } from './support/fake-provider';
import { configureImages } from './support/image-settings';
import { generateFrom, pageWithImage } from './support/scenario';
import type { TestSite } from './support/test-site';

const MINI = 'A red fox in fresh snow, written by the mini model, soft rim light, shallow depth of field';
const OTHER = 'Neon heron over a rainy street, as vision-test sees it, cyan and magenta reflections';

/** A prompt through the real menu, then "vision-test" saved beside the default in the options. */
async function promptAndTwoModels(ext: Extension, provider: FakeProvider, site: TestSite, scratch: Page) {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  provider.reply({ kind: 'stream', text: 'A fox' });
  await generateFrom(ext, await pageWithImage(site, scratch, { width: 480, height: 320, color: [200, 90, 30] }));
  await provider.waitForRequests(1);

  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  const saved = options.getByRole('region', { name: 'Vision models' });
  await expect(saved.getByRole('listitem')).toHaveText([/OpenAI · gpt-5\.4-mini · Default/]);
  await options.getByLabel('Model', { exact: true }).fill('vision-test');
  await saved.getByRole('button', { name: 'Save as vision model' }).click();
  await expect(saved.getByRole('listitem')).toHaveCount(2);
  // The vision settings are the default: "Make default" puts the first one back, from the keyboard.
  await saved.getByRole('button', { name: 'Make default: OpenAI · gpt-5.4-mini' }).focus();
  await options.keyboard.press('Enter');
  await expect(options.getByLabel('Model', { exact: true })).toHaveValue('gpt-5.4-mini');
  await expect(saved.getByRole('listitem').nth(1)).not.toContainText('Default');
  await options.close();
}

/** "Compare models" on the popup's result: the entry's Compare page opens with the picker. */
async function openPicker(ext: Extension): Promise<Page> {
  const popup = await openPopup(ext);
  const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/compare.html?entry=') });
  await popup.getByRole('button', { name: 'Compare models', exact: true }).click();
  const compare = await opened;
  await popup.close();
  return compare;
}

const column = (page: Page, name: string) => page.getByRole('article', { name });

test(
  'Compare models: right-click → prompt → Compare models with two models → both stream side by side with their ' +
    'timings → Recreate all → both in history',
  async ({ ext, provider, images, site, scratch }) => {
    test.setTimeout(120_000);
    await promptAndTwoModels(ext, provider, site, scratch);
    provider.perModel = {
      'gpt-5.4-mini': { kind: 'stream', text: MINI, pieces: 8, delayMs: 120 },
      'vision-test': { kind: 'stream', text: OTHER, pieces: 8, delayMs: 120 },
    };
    const compare = await openPicker(ext);
    const picks = compare.getByRole('group', { name: 'Pick 2 to 4 models' });
    await expect(picks.getByRole('checkbox', { name: 'OpenAI · gpt-5.4-mini' })).toBeFocused();
    await expect(picks.getByRole('checkbox')).toHaveCount(2);
    for (const box of await picks.getByRole('checkbox').all()) await expect(box).toBeChecked();
    await compare.getByRole('button', { name: 'Start', exact: true }).click();

    const mini = column(compare, 'OpenAI · gpt-5.4-mini');
    const other = column(compare, 'OpenAI · vision-test');
    // Side by side, both streaming at once (each answer takes ~1 s in pieces).
    await expect(mini.getByRole('region', { name: 'Prompt' })).toContainText('A red fox');
    await expect(other.getByRole('region', { name: 'Prompt' })).toContainText('Neon heron');
    const [a, b] = [await mini.boundingBox(), await other.boundingBox()];
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    expect(provider.maxInFlight).toBeGreaterThanOrEqual(2);
    // The same stored image went to both models.
    const [first, second] = provider.requests.slice(-2);
    expect(new Set([first!.body.model, second!.body.model])).toEqual(new Set(['gpt-5.4-mini', 'vision-test']));
    expect(first!.image!.dataUrl).toBe(second!.image!.dataUrl);
    expect(first!.violations).toEqual([]);

    for (const [col, text] of [
      [mini, MINI],
      [other, OTHER],
    ] as const) {
      await expect(col.getByRole('region', { name: 'Prompt' })).toHaveText(text);
      await expect(col.locator('.figures')).toHaveText(
        /^First token \d+(\.\d+)?s · Total \d+(\.\d+)?s · Tokens: 812 in, \d+ out$/,
      );
    }

    // Recreate all: each column's prompt goes to the image provider and its picture shows in the column.
    await configureImages(ext, { provider: 'openai', baseUrl: images.openaiBase, apiKey: images.keys.openai });
    await compare.getByRole('button', { name: 'Recreate all' }).click();
    await expect(mini.getByRole('img', { name: 'Recreation · gpt-5.4-mini' })).toBeVisible({ timeout: 30_000 });
    await expect(other.getByRole('img', { name: 'Recreation · vision-test' })).toBeVisible({ timeout: 30_000 });
    expect(
      images.requests
        .filter((r) => r.route === 'openai')
        .map((r) => r.body.prompt)
        .sort(),
    ).toEqual([MINI, OTHER].sort());

    // Kept in history like any other prompt: one entry, its three prompts.
    const popup = await openPopup(ext);
    await expect(popup.locator('.history-row').first()).toContainText('3 prompts');
    await expect(popup.getByRole('navigation', { name: 'Prompts for this image' }).getByRole('button')).toHaveCount(3);
    // The page finds the run again after a reload.
    await compare.reload();
    await expect(column(compare, 'OpenAI · vision-test').getByRole('region', { name: 'Prompt' })).toHaveText(OTHER);
    // The columns and the open picker, in light and dark: nothing axe-core objects to.
    await compare.getByRole('button', { name: 'Compare models', exact: true }).click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await compare.emulateMedia({ colorScheme });
      expect(await axeViolations(compare), `axe (${colorScheme})`).toEqual([]);
    }
    await compare.keyboard.press('Escape');
    await expect(compare.getByRole('group', { name: 'Pick 2 to 4 models' })).toBeHidden();
    await compare.emulateMedia({ colorScheme: 'light' });

    if (process.env.SCREENSHOTS) {
      const dir = process.env.SCREENSHOTS;
      await compare.setViewportSize({ width: 1200, height: 1100 });
      await compare.screenshot({ path: `${dir}/compare-models-light.png`, fullPage: true });
      await compare.emulateMedia({ colorScheme: 'dark' });
      await compare.screenshot({ path: `${dir}/compare-models-dark.png`, fullPage: true });
      await (await ext.worker()).evaluate(async () => {
        const chrome = (globalThis as any).chrome;
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...settings, uiLanguage: 'ar' } });
      });
      await compare.reload();
      await compare.getByRole('button', { name: 'مقارنة النماذج' }).first().click();
      await compare.screenshot({ path: `${dir}/compare-models-ar.png`, fullPage: true });
      const options = await ext.context.newPage();
      await options.goto(ext.url('options.html'));
      await options.getByRole('region', { name: 'نماذج الرؤية' }).screenshot({ path: `${dir}/vision-models-ar.png` });
    }
  },
);

test(
  'Compare models faults: one model failing leaves the other, its Retry uses that model; Cancel; an evicted ' +
    'image says what to do',
  async ({ ext, provider, site, scratch }) => {
    test.setTimeout(90_000);
    await promptAndTwoModels(ext, provider, site, scratch);
    provider.perModel = {
      'gpt-5.4-mini': { kind: 'stream', text: MINI },
      'vision-test': { kind: 'error', status: 404 },
    };
    const compare = await openPicker(ext);
    await compare.getByRole('button', { name: 'Start', exact: true }).click();
    const mini = column(compare, 'OpenAI · gpt-5.4-mini');
    const other = column(compare, 'OpenAI · vision-test');
    await expect(mini.getByRole('region', { name: 'Prompt' })).toHaveText(MINI);
    const alert = other.getByRole('alert');
    await expect(alert).toContainText('vision-test');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();

    // Fixed at the provider: Retry runs vision-test again, though the default is gpt-5.4-mini.
    provider.perModel['vision-test'] = { kind: 'stream', text: OTHER };
    const before = provider.requests.length;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(other.getByRole('region', { name: 'Prompt' })).toHaveText(OTHER);
    expect(provider.requests.slice(before).map((r) => r.body.model)).toEqual(['vision-test']);
    await expect(mini.getByRole('region', { name: 'Prompt' })).toHaveText(MINI);

    // Cancel stops the column still writing; the finished one stays as it is.
    provider.perModel['vision-test'] = { kind: 'hang' };
    const running = provider.requests.length;
    await compare.getByRole('button', { name: 'Compare models', exact: true }).click();
    await compare.getByRole('button', { name: 'Start', exact: true }).click();
    await provider.waitForRequests(running + 2);
    await expect(mini.getByRole('region', { name: 'Prompt' })).toHaveText(MINI);
    await compare.getByRole('region', { name: 'Compare models' }).getByRole('button', { name: 'Cancel' }).click();
    await expect(other.getByRole('alert')).toContainText('Cancelled.');
    await expect(other.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(mini.getByRole('region', { name: 'Prompt' })).toHaveText(MINI);

    // The stored image let go (the bounded cache): nothing is sent, the page says why and what to do.
    await compare.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('promptlens');
          open.onsuccess = () => {
            const tx = open.result.transaction('images', 'readwrite');
            tx.objectStore('images').clear();
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    const sent = provider.requests.length;
    await compare.getByRole('button', { name: 'Compare models', exact: true }).click();
    await compare.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(compare.getByRole('alert').filter({ hasText: 'no longer stored' })).toHaveText(
      'The original image is no longer stored on this device. Open its page, right-click the image and choose ' +
        'PromptLens again, then compare.',
    );
    expect(provider.requests.length).toBe(sent);
  },
);

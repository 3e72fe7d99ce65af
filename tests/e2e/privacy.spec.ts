import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { configure, openPopup, type Extension } from './support/extension';
import { generateFrom, pageWithImage } from './support/scenario';

const STREAMED = 'A teal bowl on linen, morning light, soft shadows, still life.';

test(
  'the first image waits for the privacy notice; nothing reaches the provider before "Send"; a new provider asks ' +
    'again',
  async ({ ext, provider, site, scratch }) => {
    // Three images, two providers and the options page in one story: longer than one step's budget.
    test.setTimeout(150_000);
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey, consent: false });
    await generateFrom(ext, await pageWithImage(site, scratch, { width: 800, height: 600, color: [20, 160, 160] }));

    let popup = await openPopup(ext);
    await expect(popup.getByRole('heading', { name: 'Before the first image goes to OpenAI' })).toBeVisible();
    await expect(popup.getByText(provider.baseUrl, { exact: true })).toBeVisible();
    await expect(popup.getByText(/scaled down and stripped of its metadata/)).toBeVisible();
    await expect(popup.getByText(/sent as/)).toHaveCount(0);
    expect(provider.requests).toHaveLength(0);

    provider.reply({ kind: 'stream', text: STREAMED, pieces: 5, delayMs: 60 });
    await popup.getByRole('button', { name: 'Send to OpenAI' }).click();
    await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(STREAMED);
    // Sent: the notice has done its job and goes away.
    await expect(popup.getByRole('heading', { name: 'Before the first image goes to OpenAI' })).toHaveCount(0);
    await expect(popup.getByRole('button', { name: 'Send to OpenAI' })).toHaveCount(0);
    expect(provider.requests).toHaveLength(1);
    expect(provider.requests[0]!.image?.mime).toBe('image/jpeg');

    // Asked once: the next image goes straight out.
    await generateFrom(ext, await pageWithImage(site, scratch, { width: 640, height: 480, color: [160, 20, 160] }));
    await provider.waitForRequests(2);

    // Another provider (here a custom server at the same address): asked again, named by its host.
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    await options.getByLabel('Provider', { exact: true }).selectOption({ label: 'Custom (OpenAI-compatible)' });
    await options.getByLabel('Base URL', { exact: true }).fill(provider.baseUrl);
    await options.getByLabel('API key', { exact: true }).fill(provider.apiKey);
    await options.getByLabel('Model', { exact: true }).fill('vision-test');
    await expect(options.getByText('Saved')).toBeVisible();
    await generateFrom(ext, await pageWithImage(site, scratch, { width: 500, height: 500, color: [200, 200, 40] }));
    popup = await openPopup(ext);
    const host = new URL(provider.baseUrl).host;
    await expect(popup.getByRole('heading', { name: `Before the first image goes to ${host}` })).toBeVisible();
    expect(provider.requests).toHaveLength(2);

    // "Not now" leaves it unsent, and says so; it can still be reviewed and sent.
    await popup.getByRole('button', { name: 'Not now' }).click();
    await expect(popup.getByRole('alert')).toContainText('Not sent yet');
    await popup.getByRole('button', { name: 'Review and send' }).click();
    await popup.getByRole('button', { name: `Send to ${host}` }).click();
    await expect(popup.getByRole('region', { name: 'Prompt' })).not.toBeEmpty();
    expect(provider.requests).toHaveLength(3);
    expect(provider.requests[2]!.body.model).toBe('vision-test');
  },
);

interface Seed {
  text: string;
  ageDays: number;
  favorite?: boolean;
}

/** Writes finished prompts straight into the extension's IndexedDB, back-dated, as an old library would have them. */
async function seedHistory(page: Page, seeds: Seed[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('promptlens');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(['jobs', 'history'], 'readwrite');
    for (const row of rows) {
      const at = Date.now() - row.ageDays * 86_400_000;
      const imageId = crypto.randomUUID();
      const jobId = crypto.randomUUID();
      const common = { status: 'done', provider: 'openai', model: 'gpt-5.4-mini', text: row.text, source: {} };
      tx.objectStore('jobs').put({
        ...common,
        id: jobId,
        imageId,
        createdAt: at,
        updatedAt: at,
        style: 'natural',
        detail: 'standard',
        language: 'en',
      });
      tx.objectStore('history').put({
        ...common,
        id: imageId,
        createdAt: at,
        updatedAt: at,
        favorite: row.favorite ? 1 : 0,
        latestJobId: jobId,
        kind: 'prompt',
        styles: ['natural'],
        templates: [],
        promptCount: 1,
        searchText: row.text.toLowerCase(),
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, seeds);
}

async function openOptions(ext: Extension): Promise<Page> {
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  return options;
}

test('"Keep history: 7 days" prunes old prompts at once, keeping favourites and recent ones', async ({ ext }) => {
  const popup = await openPopup(ext);
  await seedHistory(popup, [
    { text: 'An old lighthouse in fog', ageDays: 12 },
    { text: 'A favourite old harbour', ageDays: 40, favorite: true },
    { text: 'A recent market at noon', ageDays: 2 },
  ]);
  await popup.reload();
  await expect(popup.getByText('An old lighthouse in fog').first()).toBeVisible();

  const options = await openOptions(ext);
  await expect(options.getByLabel('Keep history')).toHaveValue('forever');
  await options.getByLabel('Keep history').selectOption({ label: '7 days' });

  await expect
    .poll(async () => {
      await popup.reload();
      return popup.getByText('An old lighthouse in fog').count();
    })
    .toBe(0);
  await expect(popup.getByText('A favourite old harbour').first()).toBeVisible();
  await expect(popup.getByText('A recent market at noon').first()).toBeVisible();
});

test('without "Keep the page address and title", a prompt records no source page', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  const options = await openOptions(ext);
  const keepPage = options.getByLabel('Keep the page address and title in history');
  await expect(keepPage).toBeChecked();
  await keepPage.uncheck();
  await expect(options.getByText('Saved')).toBeVisible();

  await generateFrom(ext, await pageWithImage(site, scratch, { width: 600, height: 400, color: [90, 90, 220] }));
  const popup = await openPopup(ext);
  await expect(popup.getByRole('region', { name: 'Prompt' })).not.toBeEmpty();
  await expect(popup.getByRole('link', { name: 'Source page' })).toHaveCount(0);
  const stored = await popup.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('promptlens');
      req.onsuccess = () => resolve(req.result);
    });
    const jobs = await new Promise<any[]>((resolve) => {
      const req = db.transaction('jobs').objectStore('jobs').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    return jobs.map((job) => job.source);
  });
  expect(stored).toHaveLength(1);
  expect(stored[0].pageUrl).toBeUndefined();
  expect(stored[0].pageTitle).toBeUndefined();
  expect(stored[0].imageUrl).toContain('/img/');
});

test(
  '"Delete all data" wipes history, settings and consent after a confirmation, keeping API keys unless asked; ' +
    '"Forget key" removes one',
  async ({ ext, provider }) => {
    await configure(ext, { provider: 'groq', baseUrl: provider.baseUrl, model: 'vision-test', apiKey: 'gsk-kept' });
    const popup = await openPopup(ext);
    await seedHistory(popup, [{ text: 'A prompt to be deleted', ageDays: 1, favorite: true }]);

    const options = await openOptions(ext);
    await options.getByLabel('Keep history').selectOption({ label: '30 days' });
    await options.getByRole('button', { name: 'Delete all data' }).click();
    await expect(options.getByText('Delete all PromptLens data on this device?')).toBeVisible();
    await options.getByRole('button', { name: 'Cancel' }).click();
    await popup.reload();
    await expect(popup.getByText('A prompt to be deleted').first()).toBeVisible();

    await options.getByRole('button', { name: 'Delete all data' }).click();
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await expect(options.getByText('All data deleted. Your API keys were kept.')).toBeVisible();
    await expect(options.getByLabel('Provider', { exact: true })).toHaveValue('openai');
    await expect(options.getByLabel('Keep history')).toHaveValue('forever');
    await popup.reload();
    await expect(popup.getByText('A prompt to be deleted')).toHaveCount(0);
    const stored = await (await ext.worker()).evaluate(() =>
      (globalThis as any).chrome.storage.local.get(['apiKeys', 'privacyConsent']),
    );
    expect(stored).toEqual({ apiKeys: { groq: 'gsk-kept' } });

    // The kept key, masked, and forgotten with one button.
    await options.getByLabel('Provider', { exact: true }).selectOption({ label: 'Groq' });
    await expect(options.getByLabel('API key', { exact: true })).toHaveValue('gsk-kept');
    await expect(options.getByLabel('API key', { exact: true })).toHaveAttribute('type', 'password');
    await options.getByRole('button', { name: 'Forget key' }).click();
    await expect(options.getByLabel('API key', { exact: true })).toHaveValue('');
    await expect(options.getByRole('button', { name: 'Forget key' })).toBeDisabled();
    const keys = await (await ext.worker()).evaluate(() => (globalThis as any).chrome.storage.local.get('apiKeys'));
    expect(keys.apiKeys).toEqual({});
  },
);

test('the privacy page, linked from the settings, says what goes where and names the current destination', async ({
  ext,
  provider,
}) => {
  await configure(ext, { provider: 'mistral', baseUrl: provider.baseUrl, model: 'pixtral-12b' });
  const options = await openOptions(ext);
  const [page] = await Promise.all([
    ext.context.waitForEvent('page'),
    options.getByRole('link', { name: 'What goes where' }).click(),
  ]);
  await expect(page).toHaveURL(ext.url('privacy.html'));
  await expect(page.getByRole('heading', { name: 'PromptLens privacy: what goes where', level: 1 })).toBeVisible();
  await expect(page.getByText(/Nothing is sent to us or to anyone else/)).toBeVisible();
  await expect(page.getByText(/generated 32 px blue square/)).toBeVisible();
  await expect(page.getByText('Your images currently go to Mistral, at this address:')).toBeVisible();
  await expect(page.getByText(provider.baseUrl, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to delete it' })).toBeVisible();
});

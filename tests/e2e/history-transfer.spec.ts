import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { configure, launchExtension, openPopup, type Extension } from './support/extension';
import { configureImages } from './support/image-settings';
import { generateFrom, pageWithImage } from './support/scenario';

const PROMPTS = [
  'A red fox in fresh snow, "golden hour", soft rim light, 狐',
  '=HYPERLINK("http://evil.example") a heron at dawn, café terrace',
  'Code-like ```fenced``` text stays inside its block',
];

async function downloadOf(page: Page, button: string): Promise<{ name: string; text: string; path: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await (download as Download).path();
  return { name: (download as Download).suggestedFilename(), text: fs.readFileSync(path, 'utf8'), path };
}

/** The export without the moment it was made: what must come back after an import. */
const comparable = (text: string) => ({ ...JSON.parse(text), exportedAt: undefined });

async function openOptions(ext: Extension): Promise<Page> {
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await expect(options.getByRole('heading', { name: 'History', level: 2 })).toBeVisible();
  return options;
}

/** Clear all, as a person does it: the popup's Clear all, confirmed with Delete all. */
async function clearAll(ext: Extension): Promise<void> {
  const popup = await openPopup(ext);
  const history = popup.getByRole('region', { name: 'History' });
  await history.getByRole('button', { name: 'Clear all' }).click();
  await history.getByRole('button', { name: 'Delete all' }).click();
  await expect(history.getByText('Prompts you generate appear here.')).toBeVisible();
  await popup.close();
}

/** The popup's Favourite button on the row showing this prompt. */
const favouriteOf = (popup: Page, text: string) =>
  popup
    .getByRole('region', { name: 'History' })
    .getByRole('listitem')
    .filter({ hasText: text })
    .getByRole('button', { name: 'Favourite', exact: true });

test('export JSON → clear all → import gives back the same entries; CSV and Markdown hold the prompts', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  // Three images through the real menu; the first gets a second prompt in another style.
  for (const [i, text] of PROMPTS.entries()) {
    provider.reply({ kind: 'stream', text });
    await generateFrom(
      ext,
      await pageWithImage(site, scratch, { width: 640, height: 480, color: [40 + i * 60, 90, 160] }),
    );
    const popup = await openPopup(ext);
    await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(text);
    if (i === 0) {
      provider.reply({ kind: 'stream', text: 'fox, snow, golden hour, rim light' });
      await popup.getByLabel('Regenerate as').selectOption({ label: 'Midjourney' });
      await popup.getByRole('button', { name: 'Regenerate' }).click();
      await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(
        'fox, snow, golden hour, rim light --ar 4:3',
      );
    }
    if (i === PROMPTS.length - 1) {
      await favouriteOf(popup, PROMPTS[1]!).click();
      await expect(favouriteOf(popup, PROMPTS[1]!)).toHaveAttribute('aria-pressed', 'true');
    }
    await popup.close();
  }

  const options = await openOptions(ext);
  await expect(options.getByText('Your history holds 3 entries.')).toBeVisible();

  const json = await downloadOf(options, 'Export JSON');
  expect(json.name).toMatch(/^promptlens-history-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(json.text);
  expect(exported).toMatchObject({ format: 'promptlens-history', version: 1 });
  expect(exported.entries).toHaveLength(3);
  const texts = exported.entries.flatMap((entry: any) => entry.prompts.map((p: any) => p.text));
  expect(texts.sort()).toEqual([...PROMPTS, 'fox, snow, golden hour, rim light --ar 4:3'].sort());
  for (const entry of exported.entries) expect(entry.thumbnail).toMatch(/^data:image\/webp;base64,/);
  expect(exported.entries.map((entry: any) => entry.favorite)).toEqual([false, true, false]);

  const csv = await downloadOf(options, 'Export CSV');
  expect(csv.name).toMatch(/\.csv$/);
  expect(fs.readFileSync(csv.path).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(csv.text).toContain('"A red fox in fresh snow, ""golden hour"", soft rim light, 狐"');
  expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"") a heron at dawn, café terrace"`);
  expect(csv.text.trimEnd().split('\r\n')).toHaveLength(1 + 4);

  const markdown = await downloadOf(options, 'Export Markdown');
  expect(markdown.name).toMatch(/\.md$/);
  expect(markdown.text).toMatch(/^# PromptLens history\n/);
  expect(markdown.text).toContain('````\nCode-like ```fenced``` text stays inside its block\n````');
  for (const text of PROMPTS) expect(markdown.text).toContain(text);
  expect(markdown.text).toMatch(/^## .+ · Page \d+$/m);

  await clearAll(ext);
  await expect(options.getByText('Your history is empty: there is nothing to export yet.')).toBeVisible();

  const [chooser] = await Promise.all([
    options.waitForEvent('filechooser'),
    options.getByRole('button', { name: 'Import…' }).click(),
  ]);
  await chooser.setFiles(json.path);
  await expect(options.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported 3 new entries.');
  await expect(options.getByText('Your history holds 3 entries.')).toBeVisible();
  expect(comparable((await downloadOf(options, 'Export JSON')).text)).toEqual(comparable(json.text));

  // Importing the same file again merges: nothing doubles.
  const [again] = await Promise.all([
    options.waitForEvent('filechooser'),
    options.getByRole('button', { name: 'Import…' }).click(),
  ]);
  await again.setFiles(json.path);
  await expect(options.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 0 new entries. 3 were already there and were merged.',
  );

  // The popup's history lists them again, the favourite still a favourite.
  const popup = await openPopup(ext);
  const history = popup.getByRole('region', { name: 'History' });
  await expect(history.getByText('3 entries')).toBeVisible();
  await expect(favouriteOf(popup, PROMPTS[1]!)).toHaveAttribute('aria-pressed', 'true');
  await expect(favouriteOf(popup, PROMPTS[2]!)).toHaveAttribute('aria-pressed', 'false');
});

test('a malformed import file changes nothing and says what is wrong', async ({ ext, provider, site, scratch }) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  for (const text of ['A lighthouse in a storm', 'A quiet library at night']) {
    provider.reply({ kind: 'stream', text });
    await generateFrom(ext, await pageWithImage(site, scratch, { width: 500, height: 400, color: [200, 120, 40] }));
    const popup = await openPopup(ext);
    await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(text);
    await popup.close();
  }
  const options = await openOptions(ext);
  const before = await downloadOf(options, 'Export JSON');

  const data = JSON.parse(before.text);
  data.entries.push({
    ...data.entries[0],
    id: 'another-image',
    prompts: [{ ...data.entries[0].prompts[0], id: 'p-new', text: 'would be new' }],
  });
  data.entries[1].prompts[0].text = 42;
  const cases: Array<[string, string, string]> = [
    [
      'bad.json',
      JSON.stringify(data),
      'bad.json was not imported: entry 2: prompts[0].text must be a string. Nothing was changed.',
    ],
    ['notes.json', 'fox, snow\n', 'notes.json was not imported: it is not JSON'],
    ['other.json', '{"hello":"world"}', 'other.json was not imported: it is not a PromptLens history export.'],
    [
      'future.json',
      JSON.stringify({ ...JSON.parse(before.text), version: 7 }),
      'future.json was not imported: it was made by a newer PromptLens (format version 7; this one reads up to ' +
        'version 1).',
    ],
  ];
  for (const [name, text, message] of cases) {
    const [chooser] = await Promise.all([
      options.waitForEvent('filechooser'),
      options.getByRole('button', { name: 'Import…' }).click(),
    ]);
    await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(options.getByRole('alert')).toContainText(message);
  }
  await expect(options.getByText('Your history holds 2 entries.')).toBeVisible();
  expect(comparable((await downloadOf(options, 'Export JSON')).text)).toEqual(comparable(before.text));
});

test('"Include images": the recreations travel in the JSON export and come back in another browser', async ({
  ext,
  provider,
  images,
  site,
  scratch,
}) => {
  test.setTimeout(120_000);
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  await configureImages(ext, { provider: 'openai', baseUrl: images.openaiBase, apiKey: images.keys.openai });
  provider.reply({ kind: 'stream', text: 'A red fox in fresh snow, soft morning light' });
  await generateFrom(ext, await pageWithImage(site, scratch, { width: 480, height: 320, color: [30, 160, 60] }));
  const popup = await openPopup(ext);
  await expect(popup.getByRole('region', { name: 'Prompt' })).toContainText('fox');
  const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/compare.html?entry=') });
  await popup.getByRole('button', { name: 'Recreate', exact: true }).click();
  const compare = await opened;
  await expect(compare.getByRole('img', { name: 'Recreation', exact: true })).toBeVisible({ timeout: 30_000 });
  const entry = new URL(compare.url()).searchParams.get('entry');

  const options = await openOptions(ext);
  await expect(options.getByTestId('storage-used')).toContainText(/Storage used on this device: [\d.]+ MB/);
  const plain = JSON.parse((await downloadOf(options, 'Export JSON')).text);
  expect(plain.entries[0].generations).toBeUndefined();
  await options.getByRole('checkbox', { name: 'Include images' }).check();
  const withImages = await downloadOf(options, 'Export JSON');
  const [generation] = JSON.parse(withImages.text).entries[0].generations;
  expect(generation).toMatchObject({ provider: 'openai', model: 'gpt-image-1-mini', size: '1536x1024' });
  expect(generation.image).toMatch(/^data:image\/png;base64,/);

  // Another browser (a fresh profile): import, and the Compare page shows the recreation.
  const other = await launchExtension();
  try {
    const page = await openOptions(other);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import…' }).click(),
    ]);
    await chooser.setFiles(withImages.path);
    await expect(page.getByText('Your history holds 1 entry.')).toBeVisible();
    const back = await other.context.newPage();
    await back.goto(other.url(`compare.html?entry=${entry}`));
    await expect(back.getByRole('img', { name: 'Recreation', exact: true })).toBeVisible();
    expect(
      await back.getByRole('img', { name: 'Recreation', exact: true }).evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        canvas.getContext('2d')!.drawImage(img, 0, 0);
        return [
          ...canvas
            .getContext('2d')!
            .getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1)
            .data.slice(0, 3),
        ];
      }),
    ).toEqual(images.color);
  } finally {
    await other.context.close();
    fs.rmSync(other.userDataDir, { recursive: true, force: true });
  }
});

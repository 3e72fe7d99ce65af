/**
 * The whole batch as a user runs it: the page's own menu entry → the Batch page → Start → every
 * image done → Export → a dataset zip holding the kohya pairs and the Hugging Face metadata.
 */
import fs from 'node:fs';
import type { Download } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure } from './support/extension';
import { makeImage } from './support/images';

/** Right-click on text: PromptLens's only entry there is "All images on this page…". */
const PAGE_ITEM = ['Up', 'Up', 'Up', 'Return'];

test(
  'Start → all done → Export dataset: the zip holds an image and a caption per prompt, metadata.jsonl and ' +
    'captions.csv',
  async ({ ext, provider, site, scratch }) => {
    test.setTimeout(120_000);
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
    provider.fallback = { kind: 'stream', text: 'red fox, fresh snow, golden hour, soft light' };
    const colours: Array<[number, number, number]> = [
      [200, 40, 40],
      [40, 160, 60],
      [40, 70, 190],
    ];
    for (const [i, color] of colours.entries())
      site.add(`/img/pic-${i}.jpg`, await makeImage(scratch, { width: 640, height: 480, color }), 'image/jpeg');
    site.add(
      '/img/icon.png',
      await makeImage(scratch, { width: 24, height: 24, color: [0, 0, 0], type: 'image/png' }),
      'image/png',
    );
    const url = site.page(
      '/export-gallery.html',
      `<!doctype html><title>Export gallery</title><p id="intro">Three pictures and an icon.</p>
    <img src="{{IMG}}/img/icon.png" width="24" height="24" alt="icon">
    ${colours
      .map((_, i) => `<img src="{{IMG}}/img/pic-${i}.jpg" width="320" height="240" alt="Picture ${i + 1}">`)
      .join('\n')}`,
    );
    const gallery = await ext.context.newPage();
    await gallery.goto(url);
    await gallery.waitForFunction(() => [...document.images].every((img) => img.complete));
    const opened = ext.context.waitForEvent('page', { predicate: (page) => page.url().includes('/batch.html') });
    await chooseFromContextMenu(gallery, '#intro', PAGE_ITEM);
    const batch = await opened;

    await expect(batch.getByRole('checkbox')).toHaveCount(3);
    await batch.getByRole('button', { name: 'Start' }).click();
    const progress = batch.getByRole('progressbar');
    await expect(progress).toBeVisible();
    await expect(batch.getByText('3 of 3')).toBeVisible({ timeout: 60_000 });

    await batch.locator('summary', { hasText: 'Export' }).click();
    await batch.getByLabel('Trigger word or prefix').fill('plfox');
    const [download] = await Promise.all([
      batch.waitForEvent('download'),
      batch.locator('.export-form').getByRole('button', { name: 'Export' }).click(),
    ]);
    expect((download as Download).suggestedFilename()).toMatch(/\.zip$/);
    const files = unzipSync(new Uint8Array(fs.readFileSync(await (download as Download).path())));
    const names = Object.keys(files).sort();
    const images = names.filter((name) => /^\d{4}\.(jpe?g|png|webp)$/.test(name));
    expect(images).toHaveLength(3);
    for (const image of images) {
      const caption = strFromU8(files[image.replace(/\.\w+$/, '.txt')]!);
      expect(caption.startsWith('plfox, ')).toBe(true);
      expect(caption).toContain('red fox');
    }
    const metadata = strFromU8(files['metadata.jsonl']!)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(metadata.map((row) => row.file_name).sort()).toEqual(images);
    expect(metadata.every((row) => row.text.startsWith('plfox, '))).toBe(true);
    expect(strFromU8(files['captions.csv']!)).toContain(images[0]);

    // The batch is in the history (settings → History), and opens back into its Batch page.
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    const link = options.getByRole('link', { name: 'Export gallery' });
    await expect(link).toBeVisible();
    const reopened = ext.context.waitForEvent('page', {
      predicate: (page) => page.url().includes('/batch.html?batch='),
    });
    await link.click();
    const back = await reopened;
    await expect(back.getByText('3 of 3')).toBeVisible();
  },
);

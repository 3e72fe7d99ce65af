import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BatchRecord } from '@/lib/batch/batch-record';
import { saveBatchFile } from '@/lib/batch/batch-store';
import { exportBatch } from '@/lib/batch/export-batch';
import { db } from '@/lib/history/db';
import { updateJob } from '@/lib/jobs/job-store';
import { batchOf } from './fixtures/batch';
import { doneJob } from './fixtures/jobs';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
const INFO = { originalWidth: 1600, originalHeight: 1200, width: 1024, height: 768, mime: 'image/png', bytes: 10 };
const NOW = new Date(2026, 11, 3, 20, 0);

/** A batch of 6 as a run leaves it: kept file, only the sent image, 404, refusal, still waiting, kept file. */
async function storedBatch(): Promise<BatchRecord> {
  const batch = batchOf(['url', 'url', 'url', 'url', 'url', 'url']);
  const prompts = [
    '(red fox:1.3), snow, [soft light], golden hour\nNegative prompt: blurry, lowres',
    'a heron, mist, reeds',
    undefined,
    "I'm sorry, I can't describe this image.",
    undefined,
    'a lighthouse at dusk, "Cape Point" sign',
  ];
  for (const [i, prompt] of prompts.entries()) {
    const item = batch.items[i]!;
    if (prompt === undefined) continue;
    const job = await doneJob(prompt, { style: 'stable-diffusion', source: { imageUrl: item.candidate.url } });
    if (i === 3) await updateJob(job.id, { kind: 'refusal' });
    Object.assign(item, { status: 'done', jobId: job.id, entryId: job.imageId, startedAt: 1, finishedAt: 2 });
  }
  Object.assign(batch.items[2]!, { status: 'failed', error: { code: 'image-fetch', status: 404, detail: 'HTTP 404' } });
  await saveBatchFile(batch.id, batch.items[0]!.id, new Blob([JPEG], { type: 'image/jpeg' }));
  await db.images.put({
    id: batch.items[1]!.entryId!,
    blob: new Blob([PNG], { type: 'image/png' }),
    info: INFO,
    createdAt: 1,
  });
  await saveBatchFile(batch.id, batch.items[5]!.id, new Blob([JPEG], { type: 'image/jpeg' }));
  await db.batches.put(batch);
  return batch;
}

const unzip = async (blob: Blob) => unzipSync(new Uint8Array(await blob.arrayBuffer()));
const text = (files: Record<string, Uint8Array>, name: string) => strFromU8(files[name]!);

beforeEach(async () => {
  await Promise.all([
    db.jobs.clear(),
    db.history.clear(),
    db.images.clear(),
    db.batches.clear(),
    db.batchFiles.clear(),
  ]);
});

describe('exportBatch', () => {
  it(
    'Dataset as downloaded: numbered image + caption pairs, ' + 'metadata.jsonl, captions.csv, failed.csv with reasons',
    async () => {
      const batch = await storedBatch();
      const { blob, fileName } = await exportBatch(
        batch,
        { format: 'dataset', images: { kind: 'original' }, captionStyle: 'tags', prefix: 'sks style' },
        { now: NOW },
      );
      expect(fileName).toBe('promptlens-batch-gallery.test-2026-12-03.zip');
      expect(blob.type).toBe('application/zip');
      const files = await unzip(blob);
      expect(Object.keys(files).sort()).toEqual(
        [
          '0001.jpg',
          '0001.txt',
          '0002.png',
          '0002.txt',
          '0003.jpg',
          '0003.txt',
          'captions.csv',
          'failed.csv',
          'metadata.jsonl',
        ].sort(),
      );
      // The bytes as downloaded, and the sent image where no download was kept.
      expect(files['0001.jpg']).toEqual(JPEG);
      expect(files['0002.png']).toEqual(PNG);
      expect(text(files, '0001.txt')).toBe('sks style, red fox, snow, soft light, golden hour');
      expect(text(files, '0003.txt')).toBe('sks style, a lighthouse at dusk, "Cape Point" sign');
      const metadata = text(files, 'metadata.jsonl')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(metadata).toEqual([
        { file_name: '0001.jpg', text: 'sks style, red fox, snow, soft light, golden hour' },
        { file_name: '0002.png', text: 'sks style, a heron, mist, reeds' },
        { file_name: '0003.jpg', text: 'sks style, a lighthouse at dusk, "Cape Point" sign' },
      ]);
      expect(text(files, 'captions.csv').split('\r\n')[0]).toBe('file_name,caption,image_url');
      expect(text(files, 'captions.csv')).toContain(
        '0002.png,"sks style, a heron, mist, reeds",https://gallery.test/photos/2.jpg',
      );
      expect(text(files, 'failed.csv').trim().split('\r\n')).toEqual([
        'name,image_url,reason',
        'Photo 3,https://gallery.test/photos/3.jpg,image-fetch: HTTP 404',
        'Photo 5,https://gallery.test/photos/5.jpg,not-finished',
        'Photo 4,https://gallery.test/photos/4.jpg,refusal',
      ]);
    },
  );

  it('Dataset resized: every image through the resizer to the chosen long side and type', async () => {
    const batch = await storedBatch();
    const asked: unknown[] = [];
    const { blob } = await exportBatch(
      batch,
      { format: 'dataset', images: { kind: 'resized', longSide: 768, type: 'image/png' }, captionStyle: 'prose' },
      {
        now: NOW,
        resizeImage: async (_image, target) => {
          asked.push(target);
          return new Blob([PNG], { type: 'image/png' });
        },
      },
    );
    const files = await unzip(blob);
    expect(asked).toEqual(Array(3).fill({ longSide: 768, mime: 'image/png' }));
    expect(
      Object.keys(files)
        .filter((name) => /^\d{4}\./.test(name))
        .sort(),
    ).toEqual(['0001.png', '0001.txt', '0002.png', '0002.txt', '0003.png', '0003.txt']);
    // Prose keeps the prompt's words, on one line.
    expect(text(files, '0001.txt')).toBe(
      '(red fox:1.3), snow, [soft light], golden hour Negative prompt: blurry, lowres',
    );
  });

  it('re-exporting after more images finished gives the new ones too', async () => {
    const batch = await storedBatch();
    const item = batch.items[4]!;
    const job = await doneJob('a late owl', { style: 'stable-diffusion' });
    await db.batches.update(batch.id, {
      items: batch.items.map((it) =>
        it.id === item.id ? { ...it, status: 'done', jobId: job.id, entryId: job.imageId } : it,
      ),
    });
    await saveBatchFile(batch.id, item.id, new Blob([JPEG], { type: 'image/jpeg' }));
    // The page may hold the record as it drew it: the builder reads the stored one.
    const files = await unzip(
      (await exportBatch(batch, { format: 'dataset', images: { kind: 'original' }, captionStyle: 'tags' })).blob,
    );
    expect(text(files, 'metadata.jsonl')).toContain('a late owl');
    expect(text(files, 'failed.csv')).not.toContain('not-finished');
  });

  it('JSON / CSV / Markdown in the history export’s formats, one entry per image with a prompt', async () => {
    const batch = await storedBatch();
    const json = await exportBatch(
      batch,
      { format: 'json', images: { kind: 'original' }, captionStyle: 'tags' },
      { now: NOW },
    );
    expect(json.fileName).toBe('promptlens-batch-gallery.test-2026-12-03.json');
    const file = JSON.parse(await json.blob.text());
    expect(file).toMatchObject({ format: 'promptlens-history', version: 1 });
    expect(file.entries).toHaveLength(4);
    expect(file.entries[0].prompts[0].text).toContain('red fox');

    const csv = await exportBatch(
      batch,
      { format: 'csv', images: { kind: 'original' }, captionStyle: 'tags' },
      { now: NOW },
    );
    expect(csv.fileName.endsWith('.csv')).toBe(true);
    expect(await csv.blob.text()).toContain('a heron, mist, reeds');

    const md = await exportBatch(
      batch,
      { format: 'markdown', images: { kind: 'original' }, captionStyle: 'tags' },
      { now: NOW },
    );
    expect(md.fileName.endsWith('.md')).toBe(true);
    expect(await md.blob.text()).toMatch(/^# A gallery/);
  });
});

import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, PromptLensDb } from '@/lib/history/db';
import { ensureThumbnail, updateJob } from '@/lib/jobs/job-store';
import { failJob, startJob } from '@/lib/jobs/lifecycle';
import { clearHistory, deleteEntries, listEntries, restoreEntries, setFavorite } from '@/lib/history/queries';
import type { Job } from '@/lib/jobs/types';
import { doneJob, queuedJob } from './fixtures/jobs';

const input = (imageId?: string, style: Job['style'] = 'natural') => ({
  imageId,
  style,
  detail: 'standard' as const,
  language: 'en' as const,
  provider: 'openai' as const,
  model: 'gpt-test',
  source: { pageUrl: 'https://example.com/gallery', pageTitle: 'Foxes at Dusk' },
});
const tick = () => new Promise((r) => setTimeout(r, 3));

beforeEach(() => clearHistory());

describe('history rows follow their jobs', () => {
  it('one row per image, newest first, with every style written for it', async () => {
    const a = await doneJob('A red fox in snow', input());
    await tick();
    const b = await queuedJob(input());
    await tick();
    await queuedJob(input(a.imageId, 'midjourney'));
    const rows = await listEntries();
    expect(rows.map((row) => row.id)).toEqual([a.imageId, b.imageId]);
    expect(rows[0]).toMatchObject({ styles: ['natural', 'midjourney'], promptCount: 2, status: 'queued' });
    expect(rows[0]!.searchText).toContain('a red fox in snow');
    expect(rows[0]!.searchText).toContain('foxes at dusk');
  });

  it('streamed text does not rewrite the row; the final status does', async () => {
    const job = await queuedJob(input());
    await startJob(job.id);
    await updateJob(job.id, { text: 'partial' });
    expect((await listEntries())[0]).toMatchObject({ status: 'running', text: '' });
    await failJob(job.id, { code: 'timeout' });
    expect((await listEntries())[0]).toMatchObject({ status: 'failed', text: 'partial', error: { code: 'timeout' } });
  });

  it('a favourite survives later prompts for the same image', async () => {
    const job = await queuedJob(input());
    await setFavorite(job.imageId, true);
    await queuedJob(input(job.imageId, 'flux'));
    expect((await listEntries())[0]).toMatchObject({ favorite: 1, promptCount: 2 });
  });

  it('delete removes prompts, thumbnail and cached image; undo puts back exactly what was there', async () => {
    const job = await doneJob('kept', input());
    await ensureThumbnail(job.imageId, async () => new Blob(['thumb'], { type: 'image/webp' }));
    await db.images.put({
      id: job.imageId,
      blob: new Blob(['img']),
      info: { originalWidth: 1, originalHeight: 1, width: 1, height: 1, mime: 'image/jpeg', bytes: 3 },
      createdAt: 1,
    });
    const other = await queuedJob(input());
    const before = await listEntries();

    const snapshot = await deleteEntries([job.imageId]);
    expect((await listEntries()).map((row) => row.id)).toEqual([other.imageId]);
    expect(await db.jobs.get(job.id)).toBeUndefined();
    expect(await db.thumbnails.get(job.imageId)).toBeUndefined();
    expect(await db.images.get(job.imageId)).toBeUndefined();

    await restoreEntries(snapshot);
    expect(await listEntries()).toEqual(before);
    expect((await db.jobs.get(job.id))?.text).toBe('kept');
    expect(await db.thumbnails.get(job.imageId)).toBeDefined();
  });
});

describe('database migrations', () => {
  it('walks v1 → current: rows built from old jobs, thumbnails moved out of them', async () => {
    const name = `walk-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ jobs: 'id, createdAt, status, imageId', images: 'id, createdAt' });
    const old = (id: string, imageId: string, createdAt: number, extra: object = {}) => ({
      id,
      imageId,
      createdAt,
      updatedAt: createdAt,
      status: 'done',
      style: 'natural',
      detail: 'standard',
      language: 'en',
      provider: 'openai',
      model: 'm',
      text: `prompt ${id}`,
      source: { pageTitle: 'Old page' },
      ...extra,
    });
    await v1
      .table('jobs')
      .bulkAdd([
        old('j1', 'img1', 1, { thumbnail: new Blob(['t1']) }),
        old('j2', 'img1', 2, { style: 'json' }),
        old('j3', 'img2', 3),
      ]);
    v1.close();

    const current = new PromptLensDb(name);
    await current.open();
    expect(current.verno).toBe(5);
    // v3 added Recreate's table, empty, beside the moved rows.
    expect(await current.generations.count()).toBe(0);
    const rows = await current.history.orderBy('updatedAt').reverse().toArray();
    expect(rows.map((row) => [row.id, row.promptCount, row.styles])).toEqual([
      ['img2', 1, ['natural']],
      ['img1', 2, ['natural', 'json']],
    ]);
    expect(rows[1]!.text).toBe('prompt j2');
    expect(await current.thumbnails.get('img1')).toBeDefined();
    expect((await current.jobs.get('j1')) as object).not.toHaveProperty('thumbnail');
    current.close();
  });
});

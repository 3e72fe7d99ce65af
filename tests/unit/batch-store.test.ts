import { beforeEach, describe, expect, it } from 'vitest';
import { getBatchFile, listBatches, saveBatchFile } from '@/lib/batch/batch-store';
import { db } from '@/lib/history/db';
import { pruneHistory } from '@/lib/history/prune';
import { deleteBatch } from '@/lib/history/queries';
import { batchOf, urls } from './fixtures/batch';

const DAY = 24 * 3_600_000;

async function stored(state: 'running' | 'done', at: number) {
  const batch = { ...batchOf(urls(2)), state, createdAt: at, updatedAt: at };
  await db.batches.put(batch);
  await saveBatchFile(batch.id, batch.items[0]!.id, new Blob(['jpg']));
  return batch;
}

beforeEach(() => Promise.all([db.batches.clear(), db.batchFiles.clear()]));

describe('stored batches', () => {
  it('history lists them newest first', async () => {
    const old = await stored('done', 1000);
    const recent = await stored('done', 2000);
    expect((await listBatches()).map((b) => b.id)).toEqual([recent.id, old.id]);
  });

  it('deleting a batch takes its downloaded files with it, and no other batch’s', async () => {
    const a = await stored('done', 1000);
    const b = await stored('done', 2000);
    await deleteBatch(a.id);
    expect(await db.batches.get(a.id)).toBeUndefined();
    expect(await getBatchFile(a.id, a.items[0]!.id)).toBeUndefined();
    expect(await getBatchFile(b.id, b.items[0]!.id)).toBeDefined();
  });

  it('retention deletes old batches and their files, never a running one', async () => {
    const now = Date.now();
    const old = await stored('done', now - 2 * DAY);
    const running = await stored('running', now - 2 * DAY);
    const fresh = await stored('done', now - 1000);
    await pruneHistory('24h', now);
    expect((await listBatches()).map((b) => b.id).sort()).toEqual([running.id, fresh.id].sort());
    expect(await db.batchFiles.count()).toBe(2);
    expect(await getBatchFile(old.id, old.items[0]!.id)).toBeUndefined();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { clearHistory, listEntries, setFavorite } from '@/lib/history/queries';
import { pruneHistory } from '@/lib/history/prune';
import { expiredEntryIds, retentionCutoff, type RetentionFacts } from '@/lib/history/retention';
import { db } from '@/lib/history/db';
import { doneJob } from './fixtures/jobs';

const NOW = Date.UTC(2026, 4, 20, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const entry = (id: string, ageMs: number, extra: Partial<RetentionFacts> = {}): RetentionFacts => ({
  id,
  updatedAt: NOW - ageMs,
  favorite: 0,
  status: 'done',
  ...extra,
});

describe('retention rule', () => {
  const library = [
    entry('fresh', HOUR),
    entry('two-days', 2 * DAY),
    entry('ten-days', 10 * DAY),
    entry('old-favourite', 90 * DAY, { favorite: 1 }),
    entry('old-failed', 40 * DAY, { status: 'failed' }),
    entry('old-but-running', 40 * DAY, { status: 'running' }),
    entry('forty-days', 40 * DAY),
  ];

  it('forever keeps everything', () => {
    expect(retentionCutoff('forever', NOW)).toBeUndefined();
    expect(expiredEntryIds(library, 'forever', NOW)).toEqual([]);
  });

  it.each([
    ['24h', ['two-days', 'ten-days', 'old-failed', 'forty-days']],
    ['7d', ['ten-days', 'old-failed', 'forty-days']],
    ['30d', ['old-failed', 'forty-days']],
  ] as const)('%s deletes what is older, never a favourite nor a prompt still being written', (retention, expected) => {
    expect(expiredEntryIds(library, retention, NOW)).toEqual(expected);
  });

  it('the boundary: exactly 7 days old stays, a millisecond more goes', () => {
    expect(expiredEntryIds([entry('edge', 7 * DAY), entry('past', 7 * DAY + 1)], '7d', NOW)).toEqual(['past']);
  });
});

describe('pruning the database', () => {
  beforeEach(() => clearHistory());

  const aged = async (text: string, ageMs: number) => {
    const job = await doneJob(text);
    // Back-dated as if written long ago: the row's time is the newest prompt's creation.
    await db.jobs.update(job.id, { createdAt: NOW - ageMs });
    await db.history.update(job.imageId, { updatedAt: NOW - ageMs, createdAt: NOW - ageMs });
    await db.images.put({
      id: job.imageId,
      blob: new Blob(['x']),
      info: { originalWidth: 1, originalHeight: 1, width: 1, height: 1, mime: 'image/jpeg', bytes: 1 },
      createdAt: NOW - ageMs,
    });
    return job;
  };

  it('removes old entries with their prompts and cached images; favourites and recent ones stay', async () => {
    const old = await aged('old prompt', 10 * DAY);
    const favourite = await aged('old favourite', 10 * DAY);
    await setFavorite(favourite.imageId, true);
    await aged('recent prompt', HOUR);

    expect(await pruneHistory('7d', NOW)).toBe(1);
    expect((await listEntries()).map((e) => e.text).sort()).toEqual(['old favourite', 'recent prompt']);
    expect(await db.jobs.get(old.id)).toBeUndefined();
    expect(await db.images.get(old.imageId)).toBeUndefined();
    expect(await pruneHistory('forever', NOW)).toBe(0);
  });
});

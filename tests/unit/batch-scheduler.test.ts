import { describe, expect, it, vi } from 'vitest';
import type { BatchItem, BatchRecord } from '@/lib/batch/batch-record';
import { BatchScheduler, type ItemContext, type ItemResult } from '@/lib/batch/batch-scheduler';
import { batchOf, urls } from './fixtures/batch';

type Behave = (item: BatchItem, context: ItemContext, call: number) => Promise<ItemResult>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves when the signal aborts: an image held at the provider until Pause or Stop. */
const untilAborted = (signal: AbortSignal) =>
  new Promise<ItemResult>((resolve) => {
    const cancelled = () => resolve({ type: 'failed', error: { code: 'cancelled' }, counts: false });
    if (signal.aborted) cancelled();
    else signal.addEventListener('abort', cancelled);
  });

function harness(batch: BatchRecord, behave: Behave, window = 3) {
  const log = { max: 0, active: 0, calls: 0, starts: [] as number[], saves: 0 };
  const saved: BatchRecord[] = [];
  const scheduler = new BatchScheduler(batch, {
    window,
    save: async (b) => {
      log.saves++;
      saved.push(structuredClone(b));
    },
    runItem: async (_batch, item, context) => {
      const call = log.calls++;
      log.starts.push(Date.now());
      log.active++;
      log.max = Math.max(log.max, log.active);
      try {
        await sleep(2);
        context.writing({ jobId: `job-${item.id}`, entryId: `entry-${item.id}` });
        return await behave(item, context, call);
      } finally {
        log.active--;
      }
    },
  });
  const settled = () => vi.waitFor(() => expect(scheduler.active).toBe(0), { timeout: 4000 });
  return { scheduler, log, saved, settled };
}

const statuses = (batch: BatchRecord) => batch.items.map((item) => item.status);
const done: Behave = async () => ({ type: 'done' });

describe('a batch at work', () => {
  it('runs every image to done, never more than the window at once, and records each one', async () => {
    const batch = batchOf(urls(8));
    const { scheduler, log, saved, settled } = harness(batch, done, 3);
    scheduler.start();
    await settled();
    await scheduler.flush();
    expect(batch.state).toBe('done');
    expect(statuses(batch)).toEqual(Array(8).fill('done'));
    expect(log.max).toBe(3);
    for (const item of batch.items) {
      expect(item.jobId).toBe(`job-${item.id}`);
      expect(item.entryId).toBe(`entry-${item.id}`);
      expect(item.finishedAt).toBeGreaterThanOrEqual(item.startedAt!);
    }
    // What the page reads: the last write is the finished batch.
    expect(saved.at(-1)).toMatchObject({ state: 'done' });
    expect(saved.some((b) => b.items.some((item) => item.status === 'writing'))).toBe(true);
  });

  it('Pause puts the images in flight back in line; Resume finishes them', async () => {
    const batch = batchOf(urls(5));
    let held = true;
    const { scheduler, log, settled } = harness(batch, (_item, context) =>
      held ? untilAborted(context.signal) : done(_item, context, 0),
    );
    scheduler.start();
    await vi.waitFor(() => expect(log.active).toBe(3));
    scheduler.pause();
    await settled();
    expect(batch.state).toBe('paused');
    expect(batch.pausedBy).toBeUndefined();
    expect(statuses(batch)).toEqual(Array(5).fill('waiting'));
    held = false;
    scheduler.resume();
    await vi.waitFor(() => expect(batch.state).toBe('done'));
    expect(statuses(batch)).toEqual(Array(5).fill('done'));
  });

  it('Stop cancels what is in flight and what waits; Retry runs them again', async () => {
    const batch = batchOf(urls(5));
    let held = true;
    const { scheduler, log, settled } = harness(batch, (item, context) =>
      held ? untilAborted(context.signal) : done(item, context, 0),
    );
    scheduler.start();
    await vi.waitFor(() => expect(log.active).toBe(3));
    scheduler.stop();
    await settled();
    expect(batch.state).toBe('stopped');
    expect(batch.items.map((item) => item.error?.code)).toEqual(Array(5).fill('cancelled'));
    scheduler.resume(); // a stopped batch does not resume
    expect(batch.state).toBe('stopped');
    held = false;
    scheduler.retry(batch.items[1]!.id);
    await vi.waitFor(() => expect(batch.state).toBe('done'));
    expect(statuses(batch)).toEqual(['failed', 'done', 'failed', 'failed', 'failed']);
    scheduler.retry();
    await vi.waitFor(() => expect(statuses(batch)).toEqual(Array(5).fill('done')));
    expect(batch.state).toBe('done');
  });

  it('a 429 slows the whole batch for its Retry-After instead of failing the image', async () => {
    const batch = batchOf(urls(4));
    const { scheduler, log } = harness(
      batch,
      async (_item, _context, call) => (call === 0 ? { type: 'rate-limited', retryAfterMs: 300 } : { type: 'done' }),
      1,
    );
    const started = Date.now();
    scheduler.start();
    await vi.waitFor(() => expect(batch.notBefore).toBeGreaterThan(started));
    const notBefore = batch.notBefore!;
    expect(batch.items[0]!.status).toBe('waiting');
    await vi.waitFor(() => expect(batch.state).toBe('done'), { timeout: 5000 });
    expect(statuses(batch)).toEqual(Array(4).fill('done'));
    expect(log.calls).toBe(5);
    // Nothing started before the provider said; then starts spaced (500 ms, halved by each answer), not all at once.
    expect(log.starts[1]).toBeGreaterThanOrEqual(notBefore - 5);
    expect(log.starts[2]! - log.starts[1]!).toBeGreaterThanOrEqual(240);
  });

  it('a provider asking to wait mid-image holds back the images not started yet', async () => {
    const batch = batchOf(urls(3));
    const { scheduler, log } = harness(
      batch,
      async (_item, context, call) => {
        if (call === 0) context.rateLimited(250);
        return { type: 'done' };
      },
      1,
    );
    scheduler.start();
    await vi.waitFor(() => expect(batch.state).toBe('done'), { timeout: 5000 });
    expect(log.starts[1]! - log.starts[0]!).toBeGreaterThanOrEqual(240);
  });

  it('pauses itself after 5 provider failures in a row and says why; broken images do not count', async () => {
    const batch = batchOf(urls(12));
    const unreachable = { code: 'unreachable' as const, detail: 'ECONNREFUSED' };
    const { scheduler, settled } = harness(
      batch,
      async (_item, _context, call) =>
        call < 3
          ? { type: 'failed', error: { code: 'image-fetch', status: 404 }, counts: false }
          : { type: 'failed', error: unreachable, counts: true },
      1,
    );
    scheduler.start();
    await vi.waitFor(() => expect(batch.state).toBe('paused'));
    await settled();
    expect(batch.pausedBy).toEqual(unreachable);
    expect(statuses(batch).filter((s) => s === 'failed')).toHaveLength(8);
    expect(batch.items[0]!.error).toEqual({ code: 'image-fetch', status: 404 });
    expect(statuses(batch).slice(8)).toEqual(Array(4).fill('waiting'));
  });

  it('a failure every image would share (no consent) pauses at once, the image back in line', async () => {
    const batch = batchOf(urls(3));
    const { scheduler, settled } = harness(batch, async () => ({ type: 'pause', error: { code: 'consent-required' } }));
    scheduler.start();
    await vi.waitFor(() => expect(batch.state).toBe('paused'));
    await settled();
    expect(batch.pausedBy).toEqual({ code: 'consent-required' });
    expect(statuses(batch)).toEqual(Array(3).fill('waiting'));
  });

  it('a full disk pauses the batch: the record says so once there is room', async () => {
    const batch = batchOf(urls(3));
    let full = true;
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const scheduler = new BatchScheduler(batch, {
      window: 1,
      save: async () => {
        if (full) throw quota;
      },
      runItem: async () => ({ type: 'done' }),
    });
    scheduler.start();
    await vi.waitFor(() => expect(batch.state).toBe('paused'));
    expect(batch.pausedBy).toEqual({ code: 'storage-full' });
    full = false;
    scheduler.resume();
    await vi.waitFor(() => expect(batch.state).toBe('done'));
  });

  it('the source tab closed: only the images that need the page fail, clearly; the rest go on', async () => {
    const batch = batchOf(['url', 'canvas', 'url', 'video', 'svg', 'blob']);
    let held = true;
    const { scheduler, log } = harness(
      batch,
      async (_item, context) => {
        while (held && !context.signal.aborted) await sleep(5);
        return { type: 'done' };
      },
      1,
    );
    scheduler.start();
    await vi.waitFor(() => expect(log.active).toBe(1));
    scheduler.tabClosed();
    held = false;
    await vi.waitFor(() => expect(batch.state).toBe('done'));
    expect(batch.items.map((item) => [item.candidate.kind, item.status, item.error?.code])).toEqual([
      ['url', 'done', undefined],
      ['canvas', 'failed', 'page-closed'],
      ['url', 'done', undefined],
      ['video', 'failed', 'page-closed'],
      ['svg', 'failed', 'page-closed'],
      ['blob', 'failed', 'page-closed'],
    ]);
  });
});

import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runBatchItem, type BatchImageSource } from '@/entrypoints/background/batch/batch-item';
import {
  batchDeps,
  controlBatch,
  resumeBatches,
  retryBatchItems,
  startBatch,
} from '@/entrypoints/background/batch/batch-service';
import { worker } from '@/entrypoints/background/worker-state';
import type { BatchRecord } from '@/lib/batch/batch-record';
import { getBatch, listBatches } from '@/lib/batch/batch-store';
import { JobFailure } from '@/lib/errors';
import { db } from '@/lib/history/db';
import { clearHistory } from '@/lib/history/queries';
import { newJob, queueJob, recoverJobs, startJob } from '@/lib/jobs/lifecycle';
import { grantConsent } from '@/lib/privacy/consent';
import { PRESETS } from '@/lib/providers/presets';
import { apiKeysItem, DEFAULT_SETTINGS, settingsItem } from '@/lib/settings';
import { batchOf, candidate } from './fixtures/batch';

const INFO = { originalWidth: 1600, originalHeight: 1200, width: 1024, height: 768, mime: 'image/jpeg', bytes: 3 };
const sse = (content: string) => {
  const choices = [{ index: 0, delta: { content }, finish_reason: null }];
  const chunk = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices };
  return `data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`;
};

/** The provider: answers after a moment, or 429 for the first `limited` requests; counts requests open at once. */
function fakeProvider({ limited = 0, failing = false } = {}) {
  const seen = { requests: 0, open: 0, maxOpen: 0 };
  vi.stubGlobal('fetch', async (_input: RequestInfo | URL, init?: RequestInit) => {
    const n = seen.requests++;
    if (n < limited)
      return new Response('{"error":{"message":"slow down"}}', {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after-ms': '40' },
      });
    if (failing) return new Response('{"error":{"message":"unsupported"}}', { status: 400 });
    seen.open++;
    seen.maxOpen = Math.max(seen.maxOpen, seen.open);
    await new Promise((resolve) => setTimeout(resolve, 15));
    seen.open--;
    const body = JSON.stringify(init?.body ?? '');
    return new Response(sse(`tags for request ${n}${body.length > 0 ? '' : ''}`), {
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
    });
  });
  return seen;
}

const images: string[] = [];
const fakeImage: BatchImageSource = async (_batch, item) => {
  images.push(item.id);
  if (item.candidate.url?.includes('/404'))
    throw new JobFailure({ code: 'image-fetch', status: 404, detail: 'HTTP 404' });
  return { blob: new Blob(['jpg'], { type: 'image/jpeg' }), info: INFO };
};

const request = (count: number, extra: ReturnType<typeof candidate>[] = []) => ({
  tabId: 7,
  pageUrl: 'https://gallery.test/',
  pageTitle: 'A gallery',
  style: 'stable-diffusion' as const,
  detail: 'standard' as const,
  candidates: [...Array.from({ length: count }, (_, i) => candidate(i + 1)), ...extra],
});

const finished = (id: string, state = 'done') =>
  vi.waitFor(async () => expect((await getBatch(id))?.state).toBe(state), { timeout: 8000, interval: 20 });

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all([
    db.jobs.clear(),
    db.images.clear(),
    db.history.clear(),
    db.batches.clear(),
    db.batchFiles.clear(),
  ]);
  worker.batches.clear();
  images.length = 0;
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, provider: 'openai', concurrency: 2 });
  await apiKeysItem.setValue({ openai: 'sk-1' });
  await grantConsent({ provider: 'openai', baseUrl: PRESETS.openai.baseUrl });
  batchDeps.runItem = (batch, item, context) => runBatchItem(batch, item, context, fakeImage);
});
afterEach(() => vi.unstubAllGlobals());

describe('the batch runner in the worker', () => {
  it(
    'Start → every image done through the queue, never more than "Prompts at once" at the provider, each in ' +
      'history',
    async () => {
      const provider = fakeProvider();
      const id = await startBatch(request(6));
      await finished(id);
      const batch = (await getBatch(id))!;
      expect(batch.items.map((item) => item.status)).toEqual(Array(6).fill('done'));
      expect(provider.requests).toBe(6);
      expect(provider.maxOpen).toBe(2);
      for (const item of batch.items) {
        const job = await db.jobs.get(item.jobId!);
        expect(job).toMatchObject({ status: 'done', batchId: id, imageId: item.entryId, style: 'stable-diffusion' });
        expect(job!.source).toMatchObject({ imageUrl: item.candidate.url, pageUrl: 'https://gallery.test/' });
        expect(await db.history.get(item.entryId!)).toMatchObject({ status: 'done' });
      }
      expect((await listBatches()).map((b) => b.id)).toEqual([id]);
    },
  );

  it('a broken image fails with its reason and the rest goes on', async () => {
    fakeProvider();
    const broken = { ...candidate(9), id: 'https://gallery.test/404.jpg', url: 'https://gallery.test/404.jpg' };
    const id = await startBatch(request(2, [broken]));
    await finished(id);
    const batch = (await getBatch(id))!;
    expect(batch.items.map((item) => [item.status, item.error?.status])).toEqual([
      ['done', undefined],
      ['done', undefined],
      ['failed', 404],
    ]);
    // No job, so no history row, for an image that never reached the provider.
    expect(batch.items[2]!.jobId).toBeUndefined();
  });

  it('429s slow the batch down instead of failing images: every image ends done', async () => {
    const provider = fakeProvider({ limited: 4 });
    const id = await startBatch(request(3));
    await finished(id);
    const batch = (await getBatch(id))!;
    expect(batch.items.map((item) => item.status)).toEqual(['done', 'done', 'done']);
    expect(provider.requests).toBe(7);
    // One history row per image, however many runs it took.
    expect(await db.history.count()).toBe(3);
  });

  it('a provider that keeps failing pauses the batch after 5 in a row; Retry and Resume go on', async () => {
    fakeProvider({ failing: true });
    const id = await startBatch(request(8));
    await finished(id, 'paused');
    const scheduler = worker.batches.get(id)!;
    await vi.waitFor(() => expect(scheduler.active).toBe(0), { timeout: 4000 });
    await scheduler.flush();
    let batch = (await getBatch(id))!;
    expect(batch.pausedBy).toMatchObject({ code: 'bad-request', status: 400 });
    expect(batch.items.filter((item) => item.status === 'failed')).toHaveLength(5);
    expect(batch.items.filter((item) => item.status === 'waiting')).toHaveLength(3);

    vi.unstubAllGlobals();
    fakeProvider();
    await retryBatchItems(id);
    await finished(id);
    batch = (await getBatch(id))!;
    expect(batch.items.map((item) => item.status)).toEqual(Array(8).fill('done'));
    expect(await db.history.count()).toBe(8);
  });

  it('without the user’s OK to send, the batch pauses at once and says why; nothing reaches the provider', async () => {
    const provider = fakeProvider();
    fakeBrowser.reset();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, provider: 'openai', concurrency: 2 });
    await apiKeysItem.setValue({ openai: 'sk-1' });
    const id = await startBatch(request(4));
    await finished(id, 'paused');
    await vi.waitFor(() => expect(worker.batches.get(id)!.active).toBe(0), { timeout: 4000 });
    await worker.batches.get(id)!.flush();
    const batch = (await getBatch(id))!;
    expect(batch.pausedBy).toEqual({ code: 'consent-required' });
    expect(batch.items.map((item) => item.status)).toEqual(Array(4).fill('waiting'));
    expect(provider.requests).toBe(0);
  });

  it('Pause, then Stop: nothing more reaches the provider, unfinished images are cancelled', async () => {
    const provider = fakeProvider();
    const id = await startBatch(request(20));
    await vi.waitFor(() => expect(provider.requests).toBeGreaterThan(0));
    await controlBatch(id, 'pause');
    await vi.waitFor(() => expect(worker.batches.get(id)!.active).toBe(0), { timeout: 4000 });
    await worker.batches.get(id)!.flush();
    const sent = provider.requests;
    expect((await getBatch(id))!.state).toBe('paused');
    await controlBatch(id, 'stop');
    const batch = (await getBatch(id))!;
    expect(batch.state).toBe('stopped');
    expect(batch.items.filter((item) => item.status === 'waiting')).toHaveLength(0);
    expect(batch.items.some((item) => item.error?.code === 'cancelled')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(provider.requests).toBe(sent);
  });

  it('clearing history deletes the batch mid-run: its last images do not bring it back', async () => {
    const provider = fakeProvider();
    const id = await startBatch(request(20));
    await vi.waitFor(() => expect(provider.requests).toBeGreaterThan(0));
    await clearHistory();
    await vi.waitFor(() => expect(worker.batches.has(id)).toBe(false), { timeout: 4000 });
    const sent = provider.requests;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await db.batches.count()).toBe(0);
    expect(provider.requests).toBeLessThanOrEqual(sent + 2);
  });

  it('a worker restart resumes a running batch where it was, keeping each image’s job and history row', async () => {
    const provider = fakeProvider();
    // What a stopped worker left: one image done, one at the provider, one waiting for a slot, two in line.
    const batch: BatchRecord = batchOf(['url', 'url', 'url', 'url', 'url']);
    const jobs = [];
    for (const [i, status] of (['done', 'writing', 'writing'] as const).entries()) {
      const job = newJob({
        style: batch.style,
        detail: batch.detail,
        language: 'en',
        provider: 'openai',
        model: 'm',
        source: {},
      });
      job.batchId = batch.id;
      await queueJob(job);
      if (i < 2) await startJob(job.id);
      if (status === 'done') await db.jobs.update(job.id, { status: 'done', text: 'old prompt' });
      Object.assign(batch.items[i]!, { status, jobId: job.id, entryId: job.imageId, startedAt: 1 });
      jobs.push(job);
    }
    batch.updatedAt = 1;
    await db.batches.put(batch);
    await db.jobs.toCollection().modify({ updatedAt: 1 });

    // The next worker: the jobs' recovery first, then the batches'.
    const resumed = await recoverJobs(() => false, Date.now());
    expect(resumed).toEqual([]);
    await resumeBatches();
    await finished(batch.id);

    const after = (await getBatch(batch.id))!;
    expect(after.items.map((item) => item.status)).toEqual(Array(5).fill('done'));
    expect(after.items.slice(0, 3).map((item) => item.jobId)).toEqual(jobs.map((job) => job.id));
    expect(provider.requests).toBe(4);
    expect((await db.jobs.get(jobs[0]!.id))!.text).toBe('old prompt');
    expect(await db.history.count()).toBe(5);
  });

  it('a page-only image of a closed tab fails as "page closed"; images with an address go on', async () => {
    fakeProvider();
    batchDeps.runItem = (batch, item, context) => runBatchItem(batch, item, context);
    const canvas = candidate(5, 'canvas');
    // The real image source: the tab is gone (the fake browser has no tab 7).
    const id = await startBatch({ ...request(0), candidates: [canvas] });
    await finished(id);
    expect((await getBatch(id))!.items[0]).toMatchObject({ status: 'failed', error: { code: 'page-closed' } });
  });
});

import { browser } from 'wxt/browser';
import type { BatchRecord, BatchStartRequest } from '@/lib/batch/batch-record';
import { newBatchRecord, recoverItems } from '@/lib/batch/batch-items';
import { BatchScheduler, type SchedulerDeps } from '@/lib/batch/batch-scheduler';
import { getBatch, unfinishedBatches } from '@/lib/batch/batch-store';
import { DOWNLOADS_AT_ONCE } from '@/lib/batch/download-pool';
import { db } from '@/lib/history/db';
import type { Job } from '@/lib/jobs/types';
import { loadSettings } from '@/lib/settings';
import { holdAwake } from '../keep-alive';
import { worker } from '../worker-state';
import { runBatchItem } from './batch-item';

export type BatchAction = 'pause' | 'resume' | 'stop';

/**
 * While a batch runs, an alarm every minute: a worker stopped anyway (a crash, an update) has
 * no timers, but an alarm starts it again, and its start resumes the batch. It clears itself
 * once no batch runs.
 */
export const BATCH_ALARM = 'batch-wake';

function keepBatchesAwake(): void {
  void browser.alarms
    .create(BATCH_ALARM, { periodInMinutes: 1 })
    .catch((error) => console.error('PromptLens: batch alarm', error));
}

export async function batchAlarm(): Promise<void> {
  await resumeBatches();
  const running = [...worker.batches.values()].some((scheduler) => scheduler.batch.state === 'running');
  if (!running) await browser.alarms.clear(BATCH_ALARM);
}

/** How the worker runs a batch's images; tests swap the item runner. */
export const batchDeps: Pick<SchedulerDeps, 'runItem' | 'save'> = {
  runItem: (batch, item, context) => runBatchItem(batch, item, context),
  save: saveBatch,
};

/** Written only while it exists: a batch deleted with the history is not brought back by its last images. */
async function saveBatch(batch: BatchRecord): Promise<void> {
  const kept = await db.transaction('rw', db.batches, async () => {
    if (!(await db.batches.get(batch.id))) return false;
    await db.batches.put(batch);
    return true;
  });
  if (kept) return;
  worker.batches.get(batch.id)?.discard();
  worker.batches.delete(batch.id);
}

async function schedule(batch: BatchRecord): Promise<BatchScheduler> {
  const { concurrency } = await loadSettings();
  const scheduler = new BatchScheduler(batch, {
    ...batchDeps,
    // Enough images ready that the provider never waits for a download, few enough to hold in memory.
    window: concurrency + DOWNLOADS_AT_ONCE,
    holdAwake,
  });
  worker.batches.set(batch.id, scheduler);
  return scheduler;
}

/** The batch's scheduler in this worker, made from its record when the worker has none yet. */
async function schedulerOf(batchId: string): Promise<BatchScheduler | undefined> {
  const known = worker.batches.get(batchId);
  if (known) return known;
  const batch = await getBatch(batchId);
  return batch && (worker.batches.get(batchId) ?? schedule(batch));
}

/** Stored first, then started: the page can open it at once, and a worker stop loses nothing. */
export async function startBatch(request: BatchStartRequest): Promise<string> {
  const batch = newBatchRecord(request, crypto.randomUUID(), Date.now());
  await db.batches.add(batch);
  (await schedule(batch)).start();
  keepBatchesAwake();
  return batch.id;
}

export async function controlBatch(batchId: string, action: BatchAction): Promise<void> {
  const scheduler = await schedulerOf(batchId);
  scheduler?.[action]();
  if (action === 'resume') keepBatchesAwake();
  await scheduler?.flush();
}

export async function retryBatchItems(batchId: string, itemId?: string): Promise<void> {
  const scheduler = await schedulerOf(batchId);
  scheduler?.retry(itemId);
  keepBatchesAwake();
  await scheduler?.flush();
}

/** The source tab was closed: every unfinished batch of it fails the images only the page could read. */
export async function batchTabClosed(tabId: number): Promise<void> {
  const batches = await db.batches.where('tabId').equals(tabId).toArray();
  for (const batch of batches) {
    if (batch.state !== 'running' && batch.state !== 'paused') continue;
    const scheduler = await schedulerOf(batch.id);
    scheduler?.tabClosed();
    await scheduler?.flush();
  }
}

/**
 * At every start of the worker, after the jobs' own recovery (which fails a batch's unfinished
 * jobs as interrupted instead of resuming them): each unfinished batch's images in flight take
 * their job's outcome or go back in line, and running batches go on where they were.
 */
export async function resumeBatches(): Promise<void> {
  for (const batch of await unfinishedBatches()) {
    if (worker.batches.has(batch.id)) continue;
    const jobIds = batch.items.flatMap((item) =>
      item.jobId && (item.status === 'fetching' || item.status === 'writing') ? [item.jobId] : [],
    );
    const jobs = (await db.jobs.bulkGet(jobIds)).filter((job): job is Job => job !== undefined);
    if (recoverItems(batch, new Map(jobs.map((job) => [job.id, job])), Date.now()) > 0) await saveBatch(batch);
    if (batch.state === 'running' && !worker.batches.has(batch.id)) {
      (await schedule(batch)).start();
      keepBatchesAwake();
    }
  }
}

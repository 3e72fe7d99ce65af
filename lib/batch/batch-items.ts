/**
 * The batch record's rules that need no worker: a new record, what Retry and a closed tab do
 * to its images, and where a restarted worker finds them. Pure: plain data in, plain data out.
 */
import type { JobError } from '../errors';
import type { Job } from '../jobs/types';
import type { BatchItem, BatchRecord, BatchStartRequest } from './batch-record';
import type { FoundImageKind } from './found-image';

/** Kinds only the page can read: they fail once its tab is closed. */
export const needsPage = (kind: FoundImageKind) => kind !== 'url';

export function newBatchRecord(request: BatchStartRequest, id: string, now: number): BatchRecord {
  return {
    id,
    tabId: request.tabId,
    pageUrl: request.pageUrl,
    pageTitle: request.pageTitle,
    style: request.style,
    detail: request.detail,
    createdAt: now,
    updatedAt: now,
    state: 'running',
    items: request.candidates.map((candidate) => ({ id: candidate.id, candidate, status: 'waiting' })),
  };
}

/** Back in line: the job and history entry stay, so the image keeps one row in history. */
export function toWaiting(item: BatchItem): void {
  item.status = 'waiting';
  delete item.error;
  delete item.startedAt;
  delete item.finishedAt;
}

export function toFailed(item: BatchItem, error: JobError, now: number): void {
  item.status = 'failed';
  item.error = error;
  item.finishedAt = now;
}

/** Retry of one failed image, or of every one: back to waiting. Answers how many. */
export function retryItems(batch: BatchRecord, itemId?: string): number {
  const chosen = batch.items.filter((item) => item.status === 'failed' && (itemId === undefined || item.id === itemId));
  chosen.forEach(toWaiting);
  return chosen.length;
}

/** The source tab was closed: the waiting images only it could read fail, clearly; the rest go on. */
export function failPageOnlyItems(batch: BatchRecord, now: number): number {
  const lost = batch.items.filter((item) => item.status === 'waiting' && needsPage(item.candidate.kind));
  for (const item of lost) toFailed(item, { code: 'page-closed' }, now);
  return lost.length;
}

/** Failures that say nothing about the image: the worker stopped, or the batch itself aborted it. */
const NOT_THE_IMAGES_FAULT = new Set(['interrupted', 'cancelled', 'rate-limited']);

/**
 * After a worker restart: images that were being fetched or written take their job's outcome
 * if it has one, and go back in line otherwise (the job is run again, keeping its history row).
 */
export function recoverItems(batch: BatchRecord, jobs: ReadonlyMap<string, Job>, now: number): number {
  let changed = 0;
  for (const item of batch.items) {
    if (item.status !== 'fetching' && item.status !== 'writing') continue;
    changed++;
    const job = item.jobId ? jobs.get(item.jobId) : undefined;
    if (job?.status === 'done') {
      item.status = 'done';
      item.finishedAt = job.updatedAt;
    } else if (job?.status === 'failed' && job.error && !NOT_THE_IMAGES_FAULT.has(job.error.code)) {
      toFailed(item, job.error, now);
    } else toWaiting(item);
  }
  return changed;
}

import { db } from '../history/db';
import { syncEntry } from '../history/entry-sync';
import type { JobError } from '../errors';
import type { Job, JobStatus } from './types';

/**
 * The job lifecycle, in one place: the rules (pure) and the only writes that change a job's
 * status.
 *
 *   queued ──start──▶ running ──finish──▶ done
 *      │                 │
 *      └──────fail───────┴──────────────▶ failed  (error.code 'cancelled' when the user stopped
 *                                                   it, 'interrupted' when the worker was stopped)
 *   any ──retry──▶ queued   Retry, Send after consent, or a waiting job resumed by a new worker
 *
 * Cancelled and interrupted are failures with their own code (stored jobs keep four statuses):
 * both offer Retry, and the popup words them from the code.
 */
export type JobEvent = 'start' | 'finish' | 'fail' | 'retry';

const NEXT: Record<JobStatus, Partial<Record<JobEvent, JobStatus>>> = {
  queued: { start: 'running', fail: 'failed', retry: 'queued' },
  running: { finish: 'done', fail: 'failed', retry: 'queued' },
  done: { retry: 'queued' },
  failed: { retry: 'queued' },
};

/** The status after `event`, or undefined where the event does not apply (the write is skipped). */
export function nextStatus(status: JobStatus, event: JobEvent): JobStatus | undefined {
  return NEXT[status][event];
}

export type NewJob = Pick<Job, 'style' | 'template' | 'detail' | 'language' | 'provider' | 'model' | 'source'> & {
  imageId?: string;
};

/** A new job record, not yet stored: the click handler starts work before the write lands. */
export function newJob(input: NewJob): Job {
  const now = Date.now();
  return {
    ...input,
    id: crypto.randomUUID(),
    imageId: input.imageId ?? crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    status: 'queued',
    text: '',
  };
}

/**
 * A new job on the image another job stored (Regenerate, Refine, a Compare models column): the
 * same picture and page, its prompt settings unless `changes` says otherwise.
 */
export function newJobOnImageOf(
  source: Job,
  changes: Pick<NewJob, 'provider' | 'model'> & Partial<Pick<NewJob, 'style' | 'template' | 'detail' | 'language'>>,
): Job {
  const job = newJob({
    imageId: source.imageId,
    source: source.source,
    style: source.style,
    template: source.template,
    detail: source.detail,
    language: source.language,
    ...changes,
  });
  job.image = source.image;
  return job;
}

/** A stored job enters the line; its image gets a history row at once. */
export async function queueJob(job: Job): Promise<void> {
  await db.jobs.add(job);
  await syncEntry(job.imageId);
}

/**
 * Applies `event` to a stored job with what it changes besides the status, then rewrites the
 * image's history row. Resolves to whether the event applied. A plain read then write, not a
 * Dexie transaction: a job's status changes come from the one worker running it, and with a
 * rw transaction here a job's streamed text was lost when its stream broke (e2e faults.spec:
 * "a stream cut half-way", "goes silent"; the mechanism not yet understood).
 */
async function transition(
  id: string,
  event: JobEvent,
  patch: Partial<Omit<Job, 'id' | 'status'>> = {},
): Promise<boolean> {
  const job = await db.jobs.get(id);
  const status = job && nextStatus(job.status, event);
  if (!status) return false;
  await db.jobs.update(id, { ...patch, status, updatedAt: Date.now() });
  await syncEntry(job.imageId);
  return true;
}

/** Its turn at the provider has come: the request goes out. */
export const startJob = (id: string) => transition(id, 'start', { ahead: undefined });

export const finishJob = (id: string, result: Pick<Job, 'text' | 'kind' | 'usage'>) =>
  transition(id, 'finish', { ...result, retry: undefined });

/** Partial text stays: the user may still copy what arrived. */
export const failJob = (id: string, error: JobError) =>
  transition(id, 'fail', { error, retry: undefined, ahead: undefined });

/** Back in line from scratch, with the provider and model as they are set now. */
export const requeueJob = (id: string, setup: Pick<Job, 'provider' | 'model'>) =>
  transition(id, 'retry', retryReset(setup));

export function retryReset(setup: Pick<Job, 'provider' | 'model'>) {
  return {
    ...setup,
    text: '',
    kind: undefined,
    error: undefined,
    retry: undefined,
    ahead: undefined,
    usage: undefined,
  } as const;
}

/**
 * Jobs left queued or running by a worker that was stopped: nobody is working on them any more.
 * Jobs touched since this worker started are its own, even if not registered yet.
 */
export async function orphanedJobs(isActive: (id: string) => boolean, startedBefore: number): Promise<Job[]> {
  const stale = await db.jobs.where('status').anyOf('queued', 'running').toArray();
  return stale.filter((job) => job.updatedAt < startedBefore && !isActive(job.id));
}

/**
 * What a restarted worker does with the jobs its predecessor left behind. A job still waiting
 * for a provider slot, its image stored, lost nothing: it goes back in line, in click order.
 * One that was getting its image or already talking to the provider cannot pick up where it
 * was: it fails visibly ('interrupted'), keeping any partial text, and offers Retry. A batch's
 * jobs are failed too: their batch puts the image back in its own line (entrypoints/background/batch/).
 */
export function resumableJobs(orphans: Job[], storedImages: ReadonlySet<string>): Job[] {
  return orphans
    .filter(
      (job) => !job.batchId && job.status === 'queued' && job.image !== undefined && storedImages.has(job.imageId),
    )
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** After a worker restart: fails the orphans that cannot resume, and returns those that can, in line order. */
export async function recoverJobs(isActive: (id: string) => boolean, startedBefore: number): Promise<Job[]> {
  const orphans = await orphanedJobs(isActive, startedBefore);
  const stored = new Set(
    await db.images
      .where('id')
      .anyOf(orphans.map((job) => job.imageId))
      .primaryKeys(),
  );
  const resume = resumableJobs(orphans, stored);
  const keep = new Set(resume.map((job) => job.id));
  await Promise.all(orphans.filter((job) => !keep.has(job.id)).map((job) => failJob(job.id, { code: 'interrupted' })));
  return resume;
}

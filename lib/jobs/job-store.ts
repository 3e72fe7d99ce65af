import { db } from './db';
import type { JobError } from './job-error';
import type { Job, StoredImage } from './types';

export type NewJob = Pick<Job, 'style' | 'template' | 'detail' | 'language' | 'provider' | 'model' | 'source'> & { imageId?: string };

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

export async function addJob(job: Job): Promise<void> {
  await db.jobs.add(job);
}

export async function createJob(input: NewJob): Promise<Job> {
  const job = newJob(input);
  await addJob(job);
  return job;
}

export async function updateJob(id: string, patch: Partial<Omit<Job, 'id'>>): Promise<void> {
  await db.jobs.update(id, { ...patch, updatedAt: Date.now() });
}

export async function failJob(id: string, error: JobError): Promise<void> {
  await db.jobs.update(id, { status: 'failed', error, retry: undefined, updatedAt: Date.now() });
}

export function getJob(id: string): Promise<Job | undefined> {
  return db.jobs.get(id);
}

export function recentJobs(limit: number): Promise<Job[]> {
  return db.jobs.orderBy('createdAt').reverse().limit(limit).toArray();
}

/** Every prompt written for one image, oldest first. */
export function jobsForImage(imageId: string): Promise<Job[]> {
  return db.jobs.where('imageId').equals(imageId).sortBy('createdAt');
}

export async function saveImage(image: StoredImage): Promise<void> {
  await db.images.put(image);
}

export function getImage(id: string): Promise<StoredImage | undefined> {
  return db.images.get(id);
}

/**
 * Jobs left queued or running by a worker that was stopped: nobody is working on them any
 * more, so they fail visibly (with Retry) instead of spinning forever.
 */
export async function failOrphanedJobs(isActive: (id: string) => boolean, startedBefore: number): Promise<number> {
  const stale = await db.jobs.where('status').anyOf('queued', 'running').toArray();
  // Jobs created since this worker started are its own, even if not registered yet.
  const orphans = stale.filter((job) => job.updatedAt < startedBefore && !isActive(job.id));
  await Promise.all(orphans.map((job) => failJob(job.id, { code: 'interrupted' })));
  return orphans.length;
}

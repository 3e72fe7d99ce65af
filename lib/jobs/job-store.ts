import { db } from '../history/db';
import { syncEntry } from '../history/entry-sync';
import type { JobError } from '../errors';
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
  await syncEntry(job.imageId);
}

/** Patches that leave the history row as it is: streamed text, retry countdowns, sizes. */
const ROW_NEUTRAL = new Set<string>(['text', 'retry', 'ahead', 'image', 'usage', 'updatedAt']);
const touchesRow = (patch: object) => Object.keys(patch).some((key) => !ROW_NEUTRAL.has(key));

async function syncJobEntry(id: string): Promise<void> {
  const job = await db.jobs.get(id);
  if (job) await syncEntry(job.imageId);
}

export async function createJob(input: NewJob): Promise<Job> {
  const job = newJob(input);
  await addJob(job);
  return job;
}

export async function updateJob(id: string, patch: Partial<Omit<Job, 'id'>>): Promise<void> {
  await db.jobs.update(id, { ...patch, updatedAt: Date.now() });
  if (touchesRow(patch)) await syncJobEntry(id);
}

export async function failJob(id: string, error: JobError): Promise<void> {
  await db.jobs.update(id, { status: 'failed', error, retry: undefined, ahead: undefined, updatedAt: Date.now() });
  await syncJobEntry(id);
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

/**
 * Normalized images (~100 KB each) kept for Retry and Regenerate. Older ones are dropped:
 * regenerating those downloads the image again from where it came from.
 */
export const IMAGE_CACHE_SIZE = 100;

export async function saveImage(image: StoredImage): Promise<void> {
  await db.images.put(image);
  const stale = await db.images.orderBy('createdAt').reverse().offset(IMAGE_CACHE_SIZE).primaryKeys();
  if (stale.length) await db.images.bulkDelete(stale);
}

/** The list preview, made once per image. */
export async function ensureThumbnail(imageId: string, make: () => Promise<Blob>): Promise<void> {
  if (await db.thumbnails.get(imageId)) return;
  await db.thumbnails.put({ id: imageId, blob: await make() });
}

export function getThumbnail(imageId: string): Promise<Blob | undefined> {
  return db.thumbnails.get(imageId).then((row) => row?.blob);
}

export function getImage(id: string): Promise<StoredImage | undefined> {
  return db.images.get(id);
}

/** Jobs left queued or running by a worker that was stopped: nobody is working on them any more. */
export async function orphanedJobs(isActive: (id: string) => boolean, startedBefore: number): Promise<Job[]> {
  const stale = await db.jobs.where('status').anyOf('queued', 'running').toArray();
  // Jobs created since this worker started are its own, even if not registered yet.
  return stale.filter((job) => job.updatedAt < startedBefore && !isActive(job.id));
}

/**
 * Orphans fail visibly (with Retry) instead of spinning forever; `keep` names those the
 * caller will run again instead.
 */
export async function failOrphanedJobs(
  isActive: (id: string) => boolean,
  startedBefore: number,
  keep: ReadonlySet<string> = new Set(),
): Promise<number> {
  const orphans = (await orphanedJobs(isActive, startedBefore)).filter((job) => !keep.has(job.id));
  await Promise.all(orphans.map((job) => failJob(job.id, { code: 'interrupted' })));
  return orphans.length;
}

/** Which of these images are still in the cache. */
export async function storedImageIds(ids: string[]): Promise<Set<string>> {
  return new Set(await db.images.where('id').anyOf(ids).primaryKeys());
}

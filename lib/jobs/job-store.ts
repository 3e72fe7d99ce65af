import { db } from '../history/db';
import { syncEntry } from '../history/entry-sync';
import type { Job, StoredImage } from './types';

/** Patches that leave the history row as it is: streamed text, retry countdowns, sizes. */
const ROW_NEUTRAL = new Set<string>(['text', 'retry', 'ahead', 'image', 'usage', 'timing', 'updatedAt']);
const touchesRow = (patch: object) => Object.keys(patch).some((key) => !ROW_NEUTRAL.has(key));

async function syncJobEntry(id: string): Promise<void> {
  const job = await db.jobs.get(id);
  if (job) await syncEntry(job.imageId);
}

/** Everything but the status, whose changes are lifecycle.ts's alone. */
export type JobPatch = Partial<Omit<Job, 'id' | 'status' | 'error'>>;

export async function updateJob(id: string, patch: JobPatch): Promise<void> {
  await db.jobs.update(id, { ...patch, updatedAt: Date.now() });
  if (touchesRow(patch)) await syncJobEntry(id);
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

import { db } from './db';
import type { Job, StoredImage } from '../jobs/types';
import type { HistoryEntry, StoredThumbnail } from './types';
import type { StoredGeneration } from './generation-types';

/** Newest first: the whole library, as rows without blobs or per-token text. */
export function listEntries(limit?: number): Promise<HistoryEntry[]> {
  const query = db.history.orderBy('updatedAt').reverse();
  return (limit ? query.limit(limit) : query).toArray();
}

/**
 * The whole library in pages, yielding between them, so a popup opened on 10,000 entries
 * stays responsive while it reads them.
 */
export async function listAllEntries(page = 1000): Promise<HistoryEntry[]> {
  const all: HistoryEntry[] = [];
  for (;;) {
    const rows = await db.history.orderBy('updatedAt').reverse().offset(all.length).limit(page).toArray();
    all.push(...rows);
    if (rows.length < page) return all;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export function countEntries(): Promise<number> {
  return db.history.count();
}

export async function setFavorite(id: string, favorite: boolean): Promise<void> {
  await db.history.update(id, { favorite: favorite ? 1 : 0 });
}

/** Everything stored for some images: what Delete removes and Undo puts back. */
export interface EntrySnapshot {
  entries: HistoryEntry[];
  jobs: Job[];
  thumbnails: StoredThumbnail[];
  images: StoredImage[];
  generations: StoredGeneration[];
}

const TABLES = () => [db.history, db.jobs, db.thumbnails, db.images, db.generations] as const;

/** Deletes images' rows, prompts, thumbnails and cached images at once, and returns them for Undo. */
export function deleteEntries(ids: readonly string[]): Promise<EntrySnapshot> {
  return db.transaction('rw', TABLES(), async () => {
    const [entries, jobs, thumbnails, images, generations] = await Promise.all([
      db.history.bulkGet(ids as string[]),
      db.jobs
        .where('imageId')
        .anyOf(ids as string[])
        .toArray(),
      db.thumbnails.bulkGet(ids as string[]),
      db.images.bulkGet(ids as string[]),
      db.generations
        .where('entryId')
        .anyOf(ids as string[])
        .toArray(),
    ]);
    await Promise.all([
      db.history.bulkDelete(ids as string[]),
      db.jobs.bulkDelete(jobs.map((job) => job.id)),
      db.thumbnails.bulkDelete(ids as string[]),
      db.images.bulkDelete(ids as string[]),
      db.generations.bulkDelete(generations.map((generation) => generation.id)),
    ]);
    const present = <T>(rows: (T | undefined)[]) => rows.filter((row): row is T => row !== undefined);
    return { entries: present(entries), jobs, thumbnails: present(thumbnails), images: present(images), generations };
  });
}

export function restoreEntries(snapshot: EntrySnapshot): Promise<void> {
  return db.transaction('rw', TABLES(), async () => {
    await Promise.all([
      db.history.bulkPut(snapshot.entries),
      db.jobs.bulkPut(snapshot.jobs),
      db.thumbnails.bulkPut(snapshot.thumbnails),
      db.images.bulkPut(snapshot.images),
      db.generations.bulkPut(snapshot.generations ?? []),
    ]);
  });
}

/** Ids of images with a prompt still being written: the caller cancels those first. */
export async function activeJobIds(imageIds?: readonly string[]): Promise<string[]> {
  const active = await db.jobs.where('status').anyOf('queued', 'running').toArray();
  return active.filter((job) => !imageIds || imageIds.includes(job.imageId)).map((job) => job.id);
}

/** Clear all: every prompt, row, thumbnail, cached image and recreation. */
export function clearHistory(): Promise<void> {
  // Batches are history too (one row each, their downloaded files with them).
  const tables = [...TABLES(), db.batches, db.batchFiles];
  return db.transaction('rw', tables, () => Promise.all(tables.map((table) => table.clear())).then(() => undefined));
}

/** A batch and its downloaded files; its images stay in history as ordinary entries. */
export function deleteBatch(id: string): Promise<void> {
  return db.transaction('rw', db.batches, db.batchFiles, async () => {
    await db.batchFiles.where('batchId').equals(id).delete();
    await db.batches.delete(id);
  });
}

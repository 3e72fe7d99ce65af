/** Recreations in the history database: written by the background, read by the pages. */
import { db } from './db';
import type { StoredGeneration } from './generation-types';

export type GenerationPatch = Partial<Omit<StoredGeneration, 'id' | 'entryId' | 'jobId' | 'createdAt'>>;

export async function addGeneration(generation: StoredGeneration): Promise<void> {
  await db.generations.add(generation);
}

/** Writes nothing when the row is gone (its entry was deleted meanwhile): nothing comes back. */
export async function updateGeneration(id: string, patch: GenerationPatch): Promise<void> {
  await db.generations.update(id, { ...patch, updatedAt: Date.now() });
}

export function getGeneration(id: string): Promise<StoredGeneration | undefined> {
  return db.generations.get(id);
}

/** Every recreation of one entry, newest first. */
export async function generationsFor(entryId: string): Promise<StoredGeneration[]> {
  const rows = await db.generations.where('entryId').equals(entryId).toArray();
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}

/** The newest finished recreation's thumbnail: what a history row shows. */
export async function latestRecreationThumbnail(entryId: string): Promise<Blob | undefined> {
  const done = (await generationsFor(entryId)).find((g) => g.status === 'done' && g.thumbnail);
  return done?.thumbnail;
}

/**
 * A worker that stopped mid-generation cannot finish it: on the next start, whatever was
 * still "running" from before fails as cancelled, so no page waits forever.
 */
export async function failStaleGenerations(startedAt: number): Promise<void> {
  await db.generations
    .where('status')
    .equals('running')
    .filter((g) => g.updatedAt < startedAt)
    .modify({ status: 'failed', error: { code: 'cancelled' }, progress: undefined });
}

import { db } from './db';
import type { Retention } from '../settings';
import { deleteBatch, deleteEntries } from './queries';
import { expiredEntryIds, retentionCutoff } from './retention';

/** Deleted in slices: a first prune of years of history must not hold one huge transaction. */
const SLICE = 200;

/** Applies the retention setting now; answers how many entries went. */
export async function pruneHistory(retention: Retention, now = Date.now()): Promise<number> {
  const cutoff = retentionCutoff(retention, now);
  if (cutoff === undefined) return 0;
  const candidates = await db.history.where('updatedAt').below(cutoff).toArray();
  const ids = expiredEntryIds(candidates, retention, now);
  for (let i = 0; i < ids.length; i += SLICE) await deleteEntries(ids.slice(i, i + SLICE));
  // Batches with their downloaded files go by the same rule; never one still running.
  const batches = await db.batches.filter((batch) => batch.updatedAt < cutoff && batch.state !== 'running').toArray();
  for (const batch of batches) await deleteBatch(batch.id);
  return ids.length;
}

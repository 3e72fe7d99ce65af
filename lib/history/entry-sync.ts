import { db } from './db';
import { buildEntry } from './build-entry';

/**
 * Rewrites an image's history row from its jobs. Called by the job store whenever a job is
 * added, changes status or is deleted, never per streamed token. One transaction, so two
 * jobs of one image finishing together cannot overwrite each other's row.
 */
export function syncEntry(imageId: string): Promise<void> {
  return db.transaction('rw', db.jobs, db.history, async () => {
    const [jobs, previous] = await Promise.all([
      db.jobs.where('imageId').equals(imageId).toArray(),
      db.history.get(imageId),
    ]);
    const entry = buildEntry(jobs, previous);
    if (entry) await db.history.put(entry);
    else await db.history.delete(imageId);
  });
}

import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Job, StoredImage } from '../jobs/types';
import type { HistoryEntry, StoredThumbnail } from './types';
import type { BatchRecord, StoredBatchFile } from '../batch/batch-record';
import type { StoredGeneration } from './generation-types';
import { buildEntry } from './build-entry';

/**
 * IndexedDB in the extension's origin, shared by the background and the extension pages.
 * Every schema change is a new `version()` with its upgrade; tests/unit/history-db.test.ts
 * opens a database written by an older version.
 */
export class PromptLensDb extends Dexie {
  jobs!: EntityTable<Job, 'id'>;
  /** Normalized images kept so Retry/Regenerate need not go back to the page: a bounded cache. */
  images!: EntityTable<StoredImage, 'id'>;
  history!: EntityTable<HistoryEntry, 'id'>;
  thumbnails!: EntityTable<StoredThumbnail, 'id'>;
  /** Recreations of an entry's image from its prompts, with their files. */
  generations!: EntityTable<StoredGeneration, 'id'>;
  /** Batches of a whole page's images (issue 13): the worker writes, the Batch page reads live. */
  batches!: EntityTable<BatchRecord, 'id'>;
  /** The batch images' files as downloaded, for the Dataset export. */
  batchFiles!: EntityTable<StoredBatchFile, 'id'>;

  constructor(name = 'promptlens') {
    super(name);
    this.version(1).stores({
      jobs: 'id, createdAt, status, imageId',
      images: 'id, createdAt',
    });
    // v2: the history library: one row per image, thumbnails moved out of the jobs.
    this.version(2)
      .stores({
        history: 'id, updatedAt, favorite',
        thumbnails: 'id',
      })
      .upgrade(upgradeToV2);
    // v3: Recreate's images; a new table, nothing to move.
    this.version(3).stores({ generations: 'id, entryId, status' });
    // v4: batches and their downloaded files; new tables, nothing to move.
    this.version(4).stores({ batches: 'id, createdAt, state, tabId', batchFiles: 'id, batchId' });
    // v5: recreations in the middle of a score or a refine run, found again after a worker stop.
    this.version(5).stores({ generations: 'id, entryId, status, activeSince' });
  }
}

type V1Job = Job & { thumbnail?: Blob };

async function upgradeToV2(tx: Transaction): Promise<void> {
  const jobs = (await tx.table('jobs').toArray()) as V1Job[];
  // Not Map.groupBy: the unit tests run on Node 20.
  const byImage = new Map<string, V1Job[]>();
  for (const job of jobs) byImage.set(job.imageId, [...(byImage.get(job.imageId) ?? []), job]);
  const entries = [...byImage.values()].flatMap((group) => buildEntry(group) ?? []);
  const thumbnails = [...byImage].flatMap(([id, group]) => {
    const blob = group.find((job) => job.thumbnail)?.thumbnail;
    return blob ? [{ id, blob }] : [];
  });
  await tx.table('history').bulkPut(entries);
  await tx.table('thumbnails').bulkPut(thumbnails);
  await tx
    .table('jobs')
    .toCollection()
    .modify((job: V1Job) => {
      delete job.thumbnail;
    });
}

export const db = new PromptLensDb();

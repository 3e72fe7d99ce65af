/**
 * How an import meets what is already stored, decided in plain code (the writing is in
 * transfer.ts): a prompt present on both sides keeps whichever was updated last; an image is a
 * favourite if either side says so; history rows are rebuilt from the merged prompts.
 */
import type { Job } from '../jobs/types';
import { buildEntry } from './build-entry';
import { dataUrlToBlob } from './data-url';
import type { IncomingEntry } from './import-read';
import type { ExportGeneration } from './export-types';
import type { StoredGeneration } from './generation-types';
import type { HistoryEntry, StoredThumbnail } from './types';

/** What is stored for the images the import touches (every job of each of them). */
export interface PresentState {
  jobs: readonly Job[];
  entries: readonly HistoryEntry[];
  thumbnailIds: ReadonlySet<string>;
  /** Ids of the recreations stored: one already here is the same file, kept as it is. */
  generationIds?: ReadonlySet<string>;
}

export interface ImportPlan {
  jobs: Job[];
  entries: HistoryEntry[];
  /** Rows left with no prompt (every one moved to another image by a newer copy). */
  emptied: string[];
  thumbnails: StoredThumbnail[];
  generations: StoredGeneration[];
  /** Entries of the file new here, and those that were already here. */
  added: number;
  existing: number;
}

const sameRow = (a: HistoryEntry, b?: HistoryEntry) => b !== undefined && JSON.stringify(a) === JSON.stringify(b);

export function planImport(incoming: readonly IncomingEntry[], present: PresentState): ImportPlan {
  const merged = new Map(present.jobs.map((job) => [job.id, job]));
  const rows = new Map(present.entries.map((entry) => [entry.id, entry]));
  const touched = new Set<string>();
  const jobs: Job[] = [];
  for (const entry of incoming) {
    touched.add(entry.id);
    for (const job of entry.jobs) {
      const old = merged.get(job.id);
      if (old && old.updatedAt >= job.updatedAt) continue;
      if (old) touched.add(old.imageId);
      merged.set(job.id, job);
      jobs.push(job);
    }
  }
  const byImage = new Map<string, Job[]>();
  for (const job of merged.values())
    if (touched.has(job.imageId)) byImage.set(job.imageId, [...(byImage.get(job.imageId) ?? []), job]);
  const favourites = new Set(incoming.filter((entry) => entry.favorite).map((entry) => entry.id));
  const entries: HistoryEntry[] = [];
  const emptied: string[] = [];
  for (const id of touched) {
    const favorite = rows.get(id)?.favorite === 1 || favourites.has(id) ? 1 : 0;
    const row = buildEntry(byImage.get(id) ?? [], { favorite });
    // An unchanged row is not written again: re-importing a library costs reads only.
    if (!row) emptied.push(id);
    else if (!sameRow(row, rows.get(id))) entries.push(row);
  }
  // A thumbnail is the same picture on both sides; the newer entry's wins, a missing one is filled.
  const thumbnails = incoming.flatMap((entry) =>
    entry.thumbnail && (!present.thumbnailIds.has(entry.id) || entry.updatedAt > (rows.get(entry.id)?.updatedAt ?? 0))
      ? [{ id: entry.id, blob: dataUrlToBlob(entry.thumbnail) }]
      : [],
  );
  const generations = incoming.flatMap((entry) =>
    (entry.generations ?? [])
      .filter((g) => !present.generationIds?.has(g.id))
      .map((g) => toStoredGeneration(g, entry.id)),
  );
  const added = incoming.filter((entry) => !rows.has(entry.id)).length;
  return { jobs, entries, emptied, thumbnails, generations, added, existing: incoming.length - added };
}

/** An exported recreation back into the table the Compare page and history rows read. */
export function toStoredGeneration(g: ExportGeneration, entryId: string): StoredGeneration {
  const { image, thumbnail, ...rest } = g;
  const blob = dataUrlToBlob(image);
  return {
    ...rest,
    entryId,
    updatedAt: g.createdAt,
    status: 'done',
    notes: [],
    blob,
    mime: blob.type,
    ...(thumbnail ? { thumbnail: dataUrlToBlob(thumbnail) } : {}),
  };
}

/**
 * Export and import against the database. Export reads one consistent snapshot; import
 * writes everything in one transaction, so a failure (storage full, a closed page) leaves the
 * history exactly as it was.
 */
import Dexie from 'dexie';
import { db } from './db';
import type { Job } from '../jobs/types';
import { blobToDataUrl } from '../image/data-url';
import { exportFile, toExportEntry, toExportGeneration } from './export-build';
import type { ExportFile, ExportGeneration } from './export-types';
import { planImport, type PresentState } from './import-merge';
import type { ImportOutcome, ImportProblem } from './import-problem';
import { readImport, type IncomingEntry } from './import-read';

/** The recreations' files as data: URLs, per entry, oldest first. */
async function exportGenerations(): Promise<Map<string, ExportGeneration[]>> {
  const done = await db.generations.where('status').equals('done').sortBy('createdAt');
  const byEntry = new Map<string, ExportGeneration[]>();
  for (const g of done) {
    if (!g.blob) continue;
    const image = await blobToDataUrl(g.blob, g.mime ?? 'image/png');
    const thumbnail = g.thumbnail ? await blobToDataUrl(g.thumbnail, 'image/webp') : undefined;
    byEntry.set(g.entryId, [...(byEntry.get(g.entryId) ?? []), toExportGeneration(g, image, thumbnail)]);
  }
  return byEntry;
}

/** `includeImages`: the recreations go in too, with their files ("Include images"). */
export async function readExport(now = new Date(), { includeImages = false } = {}): Promise<ExportFile> {
  const [entries, jobs, thumbnails] = await db.transaction('r', db.history, db.jobs, db.thumbnails, () =>
    Promise.all([db.history.orderBy('updatedAt').reverse().toArray(), db.jobs.toArray(), db.thumbnails.toArray()]),
  );
  const byImage = new Map<string, Job[]>();
  for (const job of jobs) byImage.set(job.imageId, [...(byImage.get(job.imageId) ?? []), job]);
  const previews = new Map(
    await Promise.all(thumbnails.map(async (row) => [row.id, await blobToDataUrl(row.blob, 'image/webp')] as const)),
  );
  const generations = includeImages ? await exportGenerations() : new Map<string, ExportGeneration[]>();
  return exportFile(
    entries.flatMap((entry) => {
      const own = byImage.get(entry.id);
      return own?.length ? [toExportEntry(entry, own, previews.get(entry.id), generations.get(entry.id))] : [];
    }),
    now,
  );
}

export interface ImportResult {
  added: number;
  existing: number;
}

const TABLES = () => [db.history, db.jobs, db.thumbnails, db.generations] as const;

function writeProblem(error: unknown): ImportProblem {
  const name =
    error instanceof Dexie.DexieError ? (error.inner?.name ?? error.name) : error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return { code: 'storage-full' };
  return { code: 'write-failed', detail: error instanceof Error ? error.message : String(error) };
}

/**
 * Above this many images, reading every stored prompt at once beats looking each image up:
 * IndexedDB answers one getAll far faster than thousands of cursor steps (4.4 s → 0.3 s for 10,000).
 */
const SCAN_ABOVE = 200;

function jobsOfImages(ids: readonly string[]): Promise<Job[]> {
  if (ids.length <= SCAN_ABOVE)
    return db.jobs
      .where('imageId')
      .anyOf(ids as string[])
      .toArray();
  const wanted = new Set(ids);
  return db.jobs.toArray().then((jobs) => jobs.filter((job) => wanted.has(job.imageId)));
}

/** Everything stored for the images an import touches. */
async function readPresent(ids: string[], jobIds: string[]): Promise<PresentState> {
  const [jobs, rows, thumbnailIds, storedJobIds, generationIds] = await Promise.all([
    jobsOfImages(ids),
    db.history.bulkGet(ids),
    db.thumbnails.toCollection().primaryKeys(),
    db.jobs.toCollection().primaryKeys(),
    db.generations.toCollection().primaryKeys(),
  ]);
  // A prompt stored under another image (rare): that image's row must be rebuilt too.
  const known = new Set(jobs.map((job) => job.id));
  const stored = new Set(storedJobIds);
  const strays = (await db.jobs.bulkGet(jobIds.filter((id) => stored.has(id) && !known.has(id)))).filter(
    (job) => job !== undefined,
  );
  const touched = new Set(ids);
  const others = [...new Set(strays.map((job) => job.imageId))].filter((id) => !touched.has(id));
  const [otherJobs, otherRows] = others.length
    ? await Promise.all([jobsOfImages(others), db.history.bulkGet(others)])
    : [[], []];
  return {
    jobs: [...jobs, ...otherJobs],
    entries: [...rows, ...otherRows].filter((row) => row !== undefined),
    thumbnailIds: new Set(thumbnailIds),
    generationIds: new Set(generationIds),
  };
}

/** Merges the entries into the history (see import-merge.ts), all or nothing. */
export async function writeImport(incoming: readonly IncomingEntry[]): Promise<ImportOutcome<ImportResult>> {
  const ids = incoming.map((entry) => entry.id);
  const jobIds = incoming.flatMap((entry) => entry.jobs.map((job) => job.id));
  try {
    const plan = await db.transaction('rw', TABLES(), async () => {
      const plan = planImport(incoming, await readPresent(ids, jobIds));
      await Promise.all([
        db.jobs.bulkPut(plan.jobs),
        db.history.bulkPut(plan.entries),
        db.history.bulkDelete(plan.emptied),
        db.thumbnails.bulkPut(plan.thumbnails),
        db.generations.bulkPut(plan.generations),
      ]);
      return plan;
    });
    return { ok: true, value: { added: plan.added, existing: plan.existing } };
  } catch (error) {
    return { ok: false, problem: writeProblem(error) };
  }
}

/** An export file's text → merged into the history, or refused with nothing written. */
export async function importHistory(text: string): Promise<ImportOutcome<ImportResult>> {
  const read = readImport(text);
  return read.ok ? writeImport(read.value) : read;
}

import type { Job, JobSource } from '../jobs/types';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportEntry, type ExportFile, type ExportPrompt } from './export-types';
import type { HistoryEntry } from './types';

const sameSource = (a: JobSource, b: JobSource) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof JobSource>;
  return [...keys].every((key) => a[key] === b[key]);
};

/** A stored job as an exported prompt; its source only when it differs from the entry's. */
export function jobToPrompt(job: Job, entrySource: JobSource): ExportPrompt {
  const { imageId: _image, retry: _retry, source, ...prompt } = job;
  return sameSource(source, entrySource) ? prompt : { ...prompt, source };
}

/** One history row, its jobs (any order) and its thumbnail as a data: URL. */
export function toExportEntry(entry: HistoryEntry, jobs: readonly Job[], thumbnail?: string): ExportEntry {
  const prompts = [...jobs].sort((a, b) => a.createdAt - b.createdAt).map((job) => jobToPrompt(job, entry.source));
  return {
    id: entry.id,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    favorite: entry.favorite === 1,
    source: entry.source,
    ...(thumbnail ? { thumbnail } : {}),
    prompts,
  };
}

export function exportFile(entries: ExportEntry[], now = new Date()): ExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), entries };
}

/** The JSON file's text: indented, so a person can read and diff it. */
export function toJson(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

import type { Job, JobSource } from '../jobs/types';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportEntry,
  type ExportFile,
  type ExportGeneration,
  type ExportPrompt,
} from './export-types';
import type { StoredGeneration } from './generation-types';
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

/** A finished recreation and its files (as data: URLs); what only matters while it runs is left out. */
export function toExportGeneration(g: StoredGeneration, image: string, thumbnail?: string): ExportGeneration {
  const { id, jobId, createdAt, provider, model, size, prompt, negativePrompt, seed, cost, revisedPrompt } = g;
  return {
    id,
    jobId,
    createdAt,
    provider,
    model,
    size,
    prompt,
    ...(negativePrompt !== undefined ? { negativePrompt } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(cost !== undefined ? { cost } : {}),
    ...(revisedPrompt !== undefined ? { revisedPrompt } : {}),
    ...(g.width !== undefined ? { width: g.width } : {}),
    ...(g.height !== undefined ? { height: g.height } : {}),
    image,
    ...(thumbnail ? { thumbnail } : {}),
  };
}

/** One history row, its jobs (any order), its thumbnail as a data: URL, and its recreations when included. */
export function toExportEntry(
  entry: HistoryEntry,
  jobs: readonly Job[],
  thumbnail?: string,
  generations?: ExportGeneration[],
): ExportEntry {
  const prompts = [...jobs].sort((a, b) => a.createdAt - b.createdAt).map((job) => jobToPrompt(job, entry.source));
  return {
    id: entry.id,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    favorite: entry.favorite === 1,
    source: entry.source,
    ...(thumbnail ? { thumbnail } : {}),
    prompts,
    ...(generations?.length ? { generations } : {}),
  };
}

export function exportFile(entries: ExportEntry[], now = new Date()): ExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), entries };
}

/** The JSON file's text: indented, so a person can read and diff it. */
export function toJson(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * JSON / CSV / Markdown of a batch's prompts: the history export's own formats, so a batch file
 * imports back into history and reads like any history export.
 */
import { exportFile, toExportEntry, toJson } from '../history/export-build';
import { toCsv } from '../history/export-csv';
import { toMarkdown, type MarkdownOptions } from '../history/export-markdown';
import type { ExportFile } from '../history/export-types';
import type { HistoryEntry, Job } from '../history/types';

export type PromptsFormat = 'json' | 'csv' | 'markdown';

export interface BatchImageRecord {
  entry: HistoryEntry;
  jobs: readonly Job[];
  /** The list preview as a data: URL, for JSON (import restores it). */
  thumbnail?: string;
}

/** The batch's images in the history export's shape, in batch order; images without prompts left out. */
export function batchExportFile(images: readonly BatchImageRecord[], now = new Date()): ExportFile {
  return exportFile(
    images
      .filter((image) => image.jobs.length > 0)
      .map((image) => toExportEntry(image.entry, image.jobs, image.thumbnail)),
    now,
  );
}

export function exportBatchPrompts(
  format: PromptsFormat,
  images: readonly BatchImageRecord[],
  options: { now?: Date; markdown?: Partial<MarkdownOptions> } = {},
): string {
  const file = batchExportFile(images, options.now);
  if (format === 'json') return toJson(file);
  if (format === 'csv') return toCsv(file);
  return toMarkdown(file, options.markdown);
}

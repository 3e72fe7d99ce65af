import type { BatchRecord } from '@/lib/batch/batch-record';
import type { BatchExportOptions } from '@/lib/batch/export-options';

/** What the Export control calls with the batch and the user's choices; it saves the file. */
export type ExportBatch = (batch: BatchRecord, options: BatchExportOptions) => Promise<void>;

/**
 * The export builder (lib/batch/dataset-export.ts, prompts-export.ts) is wired in here. Until it
 * is, the Export control is not shown.
 */
export const exportBatch: ExportBatch | undefined = undefined;

import { storage } from 'wxt/utils/storage';

/**
 * The last write the disk refused, with the prompt it carried: kept in memory (session
 * storage), which a full disk cannot refuse, until the user has copied it or freed space.
 */
export interface StorageFullReport {
  at: number;
  jobId?: string;
  /** The prompt that could not be saved, so it still reaches the user. */
  text?: string;
  /** Whether `text` is the job's final prompt rather than a streamed part. */
  final?: boolean;
}

/** What one refused write was carrying. */
export interface RefusedWrite {
  jobId?: string;
  text?: string;
  /** The job's final text (status done), better than any streamed part of it. */
  final?: boolean;
}

export const storageFullItem = storage.defineItem<StorageFullReport | null>('session:storageFull', { fallback: null });

/** A job's final text beats any streamed part of it; otherwise the longer text wins. */
const improves = (write: RefusedWrite, previous: StorageFullReport) =>
  !previous.final && (!!write.final || (write.text ?? '').length > (previous.text ?? '').length);

/**
 * One more refused write → the report. A later small write of the same job (status
 * "failed") carries the stale text from the database and must not replace the prompt the
 * stream produced; a write without a prompt (history row, thumbnail) keeps what is there.
 */
export function mergeReport(previous: StorageFullReport | null, write: RefusedWrite, now: number): StorageFullReport {
  if (previous && (!write.jobId || (previous.jobId === write.jobId && !improves(write, previous))))
    return { ...previous, at: now };
  return { at: now, jobId: write.jobId, text: write.text || undefined, final: write.final };
}

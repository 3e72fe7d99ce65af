/**
 * A batch as stored (Dexie table `batches`, db version 4): what the Batch page shows and what a
 * restarted worker resumes from. The worker is the only writer; pages read it live.
 */
import type { JobError } from '../errors';
import type { DetailLevel } from '../prompt/detail';
import type { StyleId } from '../prompt/styles';
import type { BatchCandidate, FoundImage } from './found-image';
import type { BatchItemStatus } from './progress';

/**
 * running → paused (by the user, or by the batch itself: 5 failures in a row, disk full) → running; stopped and done
 * are final.
 */
export type BatchState = 'running' | 'paused' | 'stopped' | 'done';

export interface BatchItem {
  /** The candidate's id: stable across rescans. */
  id: string;
  candidate: BatchCandidate;
  status: BatchItemStatus;
  /** The queue job writing this image's prompt, once it has one: its text streams into the card. */
  jobId?: string;
  /** The history entry (image id) the prompt went to. */
  entryId?: string;
  error?: JobError;
  startedAt?: number;
  finishedAt?: number;
}

export interface BatchRecord {
  id: string;
  /** The tab the images came from; the page-only kinds (canvas, blob:, video) fail once it is closed. */
  tabId: number;
  pageUrl: string;
  pageTitle: string;
  style: StyleId;
  detail: DetailLevel;
  createdAt: number;
  updatedAt: number;
  state: BatchState;
  /** Why the batch paused itself (absent when the user paused it). */
  pausedBy?: JobError;
  /** Held back until then by a 429's Retry-After. */
  notBefore?: number;
  items: BatchItem[];
}

/**
 * The file as downloaded for a batch image (table `batchFiles`): the Dataset export's "as
 * downloaded" images. db.images only keeps the ~100 newest normalized images, and those are what
 * was sent, not what was fetched. Kept until the batch is deleted.
 */
export interface StoredBatchFile {
  /** `${batchId}/${itemId}`. */
  id: string;
  batchId: string;
  blob: Blob;
}

/** What the Batch page asks the worker to start. */
export interface BatchStartRequest {
  tabId: number;
  pageUrl: string;
  pageTitle: string;
  style: StyleId;
  detail: DetailLevel;
  candidates: BatchCandidate[];
}

/** What one scan of a tab finds: every frame's images, before merging and the size filter. */
export interface PageScan {
  tabId: number;
  pageUrl: string;
  pageTitle: string;
  found: FoundImage[];
}

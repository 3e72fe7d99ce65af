import type { JobError } from '../errors';
import type { Job, JobSource, JobStatus } from '../jobs/types';
import type { PromptKind } from '../prompt/finalize';
import type { ProviderId } from '../providers/presets';
import type { StyleId } from '../prompt/styles';

/**
 * One row of the history library: an image and every prompt written for it. Derived from its
 * jobs (see build-entry.ts) so the list, search and filters never have to read the jobs, whose
 * text changes on every streamed token.
 */
export interface HistoryEntry {
  /** The image's id (Job.imageId). */
  id: string;
  createdAt: number;
  /** When the newest prompt for this image was asked for: the list's order. */
  updatedAt: number;
  /** 0/1 rather than boolean: IndexedDB cannot index booleans. */
  favorite: 0 | 1;
  latestJobId: string;
  status: JobStatus;
  kind?: PromptKind;
  error?: JobError;
  /** The newest prompt (partial while it streams in). */
  text: string;
  /** Every style written for this image, for the style filter. */
  styles: StyleId[];
  /** Names of the custom templates used, shown instead of a style name. */
  templates: string[];
  provider: ProviderId;
  model: string;
  source: JobSource;
  promptCount: number;
  /** Lower-cased prompts and page title: what search looks in. */
  searchText: string;
}

/** The few-KB preview of an image, apart from the entry so lists load rows without blobs. */
export interface StoredThumbnail {
  id: string;
  blob: Blob;
}

export type { Job };

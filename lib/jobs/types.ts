import type { ProviderId } from '../providers/presets';
import type { StyleId } from '../prompt/styles';
import type { DetailLevel } from '../prompt/detail';
import type { PromptKind } from '../prompt/finalize';
import type { LanguageCode } from '../languages';
import type { CustomTemplate } from '../prompt/templates';
import type { Usage } from '../providers/stream-completion';
import type { JobError } from '../errors';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** Where the image came from. */
export interface JobSource {
  imageUrl?: string;
  pageUrl?: string;
  pageTitle?: string;
  /** Taken from the screen: the site would not hand over the file. */
  captured?: boolean;
  /** The page's alt text for the image at the time, if any: compared with an alt-text result. */
  alt?: string;
}

/** The image as we send it; the original's size drives aspect ratios. */
export interface JobImageInfo {
  originalWidth: number;
  originalHeight: number;
  width: number;
  height: number;
  mime: string;
  bytes: number;
}

export interface Job {
  id: string;
  /** Regenerations of one image share it. */
  imageId: string;
  /** The batch this job writes an image's prompt for: the batch, not the generic recovery, resumes it. */
  batchId?: string;
  createdAt: number;
  updatedAt: number;
  status: JobStatus;
  style: StyleId;
  /** Set when a custom template wrote this prompt: a copy, so Retry and history survive its edit or deletion. */
  template?: CustomTemplate;
  detail: DetailLevel;
  language: LanguageCode;
  provider: ProviderId;
  model: string;
  /** The prompt: raw while streaming, cleaned up when done; kept on failure. */
  text: string;
  /** What `text` is once done: a prompt, a JSON prompt, or the model's refusal. */
  kind?: PromptKind;
  source: JobSource;
  image?: JobImageInfo;
  error?: JobError;
  /** Set while the image is ready and the job waits for a free slot: how many wait before it. */
  ahead?: number;
  /** Set while waiting to retry after 429/5xx. */
  retry?: { attempt: number; until: number; status?: number };
  usage?: Usage;
  /** Compare models: when the request went out, its first words came and the answer ended. */
  timing?: JobTiming;
  /** Set when the job is one column of a Compare models run (lib/compare-models). */
  comparison?: JobComparison;
}

export interface JobTiming {
  sentAt: number;
  firstTokenAt?: number;
  doneAt?: number;
}

/** Which run and column a job is, and the address it was sent to (a retry goes there again). */
export interface JobComparison {
  id: string;
  column: number;
  baseUrl: string;
}

/** The normalized image, kept so Retry (and later Regenerate) need not go back to the page. */
export interface StoredImage {
  id: string;
  blob: Blob;
  info: JobImageInfo;
  createdAt: number;
}

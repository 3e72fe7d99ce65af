import type { GenerationCost } from '../generation/types';
import type { ImageProviderId } from '../generation/presets';
import type { Job, JobSource } from '../jobs/types';

/** What "Export JSON" writes and "Import…" reads. Documented in the README ("History export format"). */
export const EXPORT_FORMAT = 'promptlens-history';
/** Bumped on any change an older PromptLens could not read; import refuses newer versions. */
export const EXPORT_VERSION = 1;

/** One prompt: a job as stored, minus what only matters while it runs. */
export type ExportPrompt = Omit<Job, 'imageId' | 'retry' | 'source'> & {
  /** Only when it differs from the entry's source (rare: a regenerate after page info changed). */
  source?: JobSource;
};

/** A finished recreation, with its file: only in exports made with "Include images". */
export interface ExportGeneration {
  id: string;
  /** The prompt (ExportPrompt id) it was made from. */
  jobId: string;
  createdAt: number;
  provider: ImageProviderId;
  model: string;
  size: string;
  prompt: string;
  negativePrompt?: string;
  seed?: number;
  cost?: GenerationCost;
  revisedPrompt?: string;
  width?: number;
  height?: number;
  /** The file as the provider returned it, as a data: URL. */
  image: string;
  thumbnail?: string;
}

export interface ExportEntry {
  /** The image's id; prompts for the same image in two exports merge by it. */
  id: string;
  createdAt: number;
  updatedAt: number;
  favorite: boolean;
  source: JobSource;
  /** The list preview as a data: URL (WebP, a few KB), when one was made. */
  thumbnail?: string;
  /** Oldest first. */
  prompts: ExportPrompt[];
  /** Oldest first; absent unless the export includes images. */
  generations?: ExportGeneration[];
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  /** Newest first, as in the popup. */
  entries: ExportEntry[];
}

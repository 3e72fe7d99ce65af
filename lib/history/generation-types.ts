import type { GenerationError } from '../generation/generation-error';
import type { ImageProviderId } from '../generation/presets';
import type { PromptNote } from '../generation/prompt-for-generator';
import type { GenerationCost, GenerationProgress } from '../generation/types';
import type { RefineRun, ScoreRecord } from '../scoring/types';

export type GenerationStatus = 'running' | 'done' | 'failed';

/**
 * One recreation of a history entry's image from one of its prompts. Several per entry; kept
 * and deleted with it. The file is stored as the provider returned it.
 */
export interface StoredGeneration {
  id: string;
  /** The history entry (= the original image's id). */
  entryId: string;
  /** The prompt it was made from. */
  jobId: string;
  createdAt: number;
  updatedAt: number;
  status: GenerationStatus;
  provider: ImageProviderId;
  model: string;
  /** What was sent as the size: "1536x1024", "3:2", or empty when the model takes none. */
  size: string;
  /** The prompt as the generator got it (Midjourney parameters removed, cut, flattened…). */
  prompt: string;
  negativePrompt?: string;
  notes: PromptNote[];
  progress?: GenerationProgress;
  error?: GenerationError;
  /** Set once done. */
  blob?: Blob;
  mime?: string;
  width?: number;
  height?: number;
  seed?: number;
  cost?: GenerationCost;
  revisedPrompt?: string;
  /** A few KB, for history rows. */
  thumbnail?: Blob;
  /** "How close?": the vision model's verdict on this recreation. */
  score?: ScoreRecord;
  /** The improved prompt "Refine" last wrote from this recreation (a job of the same entry). */
  refinedJobId?: string;
  /** The latest "Refine and recreate" started from this recreation. */
  refineRun?: RefineRun;
  /** Set while a score or a run is in progress on this record; indexed, so a stopped worker leaves none behind. */
  activeSince?: number;
}

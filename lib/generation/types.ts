/** What every image adapter takes and returns. */
import type { CallOptions } from './deadline';
import type { GeneratorPrompt } from './prompt-for-generator';

export interface GenerationCost {
  tokens?: number;
  /** OpenRouter credits (USD). */
  credits?: number;
}

export interface GeneratedImage {
  /** The file as the provider returned it (PNG, JPEG, WebP…), type sniffed from its bytes. */
  bytes: Blob;
  mime: string;
  width?: number;
  height?: number;
  seed?: number;
  cost?: GenerationCost;
  /** The prompt the provider actually used (DALL·E 3 and grok-2-image rewrite it). */
  revisedPrompt?: string;
}

export type GenerationProgress =
  | { phase: 'submitted' }
  /** fal's queue: 0 means next. */
  | { phase: 'queued'; position: number }
  | { phase: 'running' }
  | { phase: 'downloading' };

export interface GenerationRequest extends CallOptions {
  baseUrl: string;
  /** Empty for local servers. */
  apiKey: string;
  model: string;
  input: GeneratorPrompt;
  onProgress?: (progress: GenerationProgress) => void;
}

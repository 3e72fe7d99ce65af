/**
 * The one entry point: check the set-up, then hand the request to its provider's adapter.
 * Callers prepare the prompt first (prepareForGenerator) so the Compare page can show what
 * was actually sent and any notes (negative dropped, prompt cut).
 */
import { generateA1111Image } from './a1111';
import { generateFalImage, type FalPollOptions } from './fal-queue';
import { generateGeminiImage } from './gemini-image';
import { fail, type GenerationError } from './generation-error';
import { generateOpenAIImage } from './openai-images';
import { generateOpenRouterImage } from './openrouter-image';
import {
  IMAGE_PRESETS,
  imageModelCaps,
  isImageProviderId,
  type ImageModelCaps,
  type ImageProviderPreset,
} from './presets';
import type { GeneratedImage, GenerationRequest } from './types';

export interface ImageProviderConfig {
  /** Undefined or unknown: no image provider set up yet. */
  provider?: string;
  baseUrl: string;
  apiKey: string;
  /** Empty: the preset's default. */
  model: string;
}

export interface ResolvedImageProvider {
  preset: ImageProviderPreset;
  baseUrl: string;
  apiKey: string;
  model: string;
  caps: ImageModelCaps;
}

/** What is missing before anything can be sent, as the error the page shows. */
export function imageSetupProblem(config: ImageProviderConfig | undefined): GenerationError | undefined {
  if (!config || !isImageProviderId(config.provider)) return { code: 'no-image-provider' };
  const preset = IMAGE_PRESETS[config.provider];
  if (!(config.baseUrl.trim() || preset.baseUrl)) return { code: 'no-base-url' };
  if (preset.needsKey && !config.apiKey.trim()) return { code: 'no-key' };
  return undefined;
}

/** Settings → everything an adapter needs; throws the set-up problem as a GenerationFailure. */
export function resolveImageProvider(config: ImageProviderConfig | undefined): ResolvedImageProvider {
  const problem = imageSetupProblem(config);
  if (problem || !config || !isImageProviderId(config.provider)) fail(problem?.code ?? 'no-image-provider');
  const preset = IMAGE_PRESETS[config.provider];
  const model = config.model.trim() || preset.defaultModel;
  return {
    preset,
    baseUrl: config.baseUrl.trim() || preset.baseUrl,
    apiKey: config.apiKey.trim(),
    model,
    caps: imageModelCaps(preset, model),
  };
}

export function generateImage(
  preset: ImageProviderPreset,
  request: GenerationRequest,
  options: { falPoll?: FalPollOptions } = {},
): Promise<GeneratedImage> {
  switch (preset.family) {
    case 'openai-images':
      return generateOpenAIImage(preset, request);
    case 'openrouter-chat':
      return generateOpenRouterImage(preset, request);
    case 'gemini-native':
      return generateGeminiImage(preset, request);
    case 'fal-queue':
      return generateFalImage(preset, request, options.falPoll);
    case 'a1111':
      return generateA1111Image(preset, request);
  }
}

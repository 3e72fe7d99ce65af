/**
 * Image providers as data, like the vision presets (lib/providers/presets.ts): where each API
 * lives, its default model, and what the request can carry. The model stays free text;
 * `imageModelCaps` refines the preset for the models whose limits are documented.
 *
 * Sources (checked 2026-12): OpenAI's OpenAPI spec `CreateImageRequest` (sizes, prompt limits);
 * openrouter.ai/docs/features/multimodal/image-generation (`modalities`, `message.images`,
 * `image_config.aspect_ratio`); Gemini's generateContent `imageConfig.aspectRatio` (ratios
 * 1:1…21:9); fal.ai queue docs (queue.fal.run, `image_size` enum); xAI `/v1/images/generations`
 * (grok-2-image: no size); AUTOMATIC1111 wiki "API" (`/sdapi/v1/txt2img`, `--api`).
 */
import type { ProviderId } from '../providers/presets';

export const IMAGE_PROVIDER_IDS = ['openai', 'openrouter', 'gemini', 'xai', 'fal', 'a1111', 'custom'] as const;
export type ImageProviderId = (typeof IMAGE_PROVIDER_IDS)[number];

/** Which request/response adapter speaks to the provider. */
export type ImageApiFamily = 'openai-images' | 'openrouter-chat' | 'gemini-native' | 'fal-queue' | 'a1111';

/** How the provider is told the shape of the picture. */
export type SizeRule =
  /** One of these exact `WxH` strings (OpenAI's enum). */
  | { kind: 'sizes'; sizes: readonly string[] }
  /** An aspect ratio string from this list (Gemini, OpenRouter's `image_config`). */
  | { kind: 'aspect'; ratios: readonly string[] }
  /** fal's `image_size`: a named preset, or `{width, height}`. */
  | { kind: 'fal' }
  /** Any width × height, multiples of `multiple`, around `megapixels` (A1111, gpt-image-2). */
  | { kind: 'free'; multiple: number; megapixels: number; maxEdge: number }
  /** No size parameter at all (xAI grok-2-image). */
  | { kind: 'none' };

/** What the response says the image cost. */
export type CostReport = 'tokens' | 'credits' | 'none';

export interface ImageProviderPreset {
  id: ImageProviderId;
  /** Product names are not translated. */
  name: string;
  family: ImageApiFamily;
  baseUrl: string;
  defaultModel: string;
  /** Known model ids offered as suggestions; the field stays free text. */
  models: readonly string[];
  needsKey: boolean;
  /** Nothing leaves the machine; its errors need other next steps (start with `--api`). */
  local: boolean;
  sizing: SizeRule;
  negativePrompt: boolean;
  /** Characters; longer prompts are cut at a word boundary and the user is told. */
  maxPromptChars: number;
  /** The model reads a JSON prompt as JSON; otherwise JSON prompts are flattened to prose. */
  takesJson: boolean;
  cost: CostReport;
  /** The vision preset whose key this provider shares (same account). */
  visionProvider?: ProviderId;
  keyUrl?: string;
}

export const GPT_IMAGE_SIZES = ['1024x1024', '1536x1024', '1024x1536'] as const;
export const DALL_E_3_SIZES = ['1024x1024', '1792x1024', '1024x1792'] as const;
export const DALL_E_2_SIZES = ['256x256', '512x512', '1024x1024'] as const;
/** Gemini 2.5 Flash Image's `aspectRatio` values; OpenRouter passes the same on. */
export const GEMINI_RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'] as const;

export const IMAGE_PRESETS: Record<ImageProviderId, ImageProviderPreset> = {
  openai: {
    id: 'openai',
    name: 'OpenAI',
    family: 'openai-images',
    baseUrl: 'https://api.openai.com/v1',
    defaultModel: 'gpt-image-1-mini',
    models: ['gpt-image-1-mini', 'gpt-image-1', 'dall-e-3'],
    needsKey: true,
    local: false,
    sizing: { kind: 'sizes', sizes: GPT_IMAGE_SIZES },
    negativePrompt: false,
    maxPromptChars: 32_000,
    takesJson: false,
    cost: 'tokens',
    visionProvider: 'openai',
    keyUrl: 'https://platform.openai.com/api-keys',
  },
  openrouter: {
    id: 'openrouter',
    name: 'OpenRouter',
    family: 'openrouter-chat',
    baseUrl: 'https://openrouter.ai/api/v1',
    defaultModel: 'google/gemini-2.5-flash-image',
    models: ['google/gemini-2.5-flash-image'],
    needsKey: true,
    local: false,
    sizing: { kind: 'aspect', ratios: GEMINI_RATIOS },
    negativePrompt: false,
    // A chat model reads the prompt: the limit is its context, far above any prompt we write.
    maxPromptChars: 32_000,
    takesJson: false,
    // `usage.cost` is in OpenRouter credits; tokens are always there.
    cost: 'credits',
    visionProvider: 'openrouter',
    keyUrl: 'https://openrouter.ai/keys',
  },
  gemini: {
    id: 'gemini',
    name: 'Google Gemini',
    family: 'gemini-native',
    // The native API, not the OpenAI-compatible one the vision preset uses: only it takes imageConfig.
    baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    defaultModel: 'gemini-2.5-flash-image',
    models: ['gemini-2.5-flash-image'],
    needsKey: true,
    local: false,
    sizing: { kind: 'aspect', ratios: GEMINI_RATIOS },
    negativePrompt: false,
    maxPromptChars: 32_000,
    takesJson: false,
    cost: 'tokens',
    visionProvider: 'gemini',
    keyUrl: 'https://aistudio.google.com/apikey',
  },
  xai: {
    id: 'xai',
    name: 'xAI',
    family: 'openai-images',
    baseUrl: 'https://api.x.ai/v1',
    defaultModel: 'grok-2-image',
    models: ['grok-2-image'],
    needsKey: true,
    local: false,
    // grok-2-image rejects `size`; it always answers 1024×768 JPEG.
    sizing: { kind: 'none' },
    negativePrompt: false,
    // Not documented; grok-2-image rewrites the prompt anyway (revised_prompt).
    maxPromptChars: 8_000,
    takesJson: false,
    cost: 'none',
    visionProvider: 'xai',
    keyUrl: 'https://console.x.ai',
  },
  fal: {
    id: 'fal',
    name: 'fal.ai',
    family: 'fal-queue',
    baseUrl: 'https://queue.fal.run',
    defaultModel: 'fal-ai/flux/schnell',
    models: ['fal-ai/flux/schnell', 'fal-ai/flux/dev', 'fal-ai/fast-sdxl'],
    needsKey: true,
    local: false,
    sizing: { kind: 'fal' },
    // Flux has no negative prompt; SDXL models do (see imageModelCaps).
    negativePrompt: false,
    // Flux reads at most 512 T5 tokens; ~2,000 characters stays inside them.
    maxPromptChars: 2_000,
    takesJson: false,
    // fal bills per megapixel and says nothing about it in the result.
    cost: 'none',
    keyUrl: 'https://fal.ai/dashboard/keys',
  },
  a1111: {
    id: 'a1111',
    name: 'AUTOMATIC1111 / Forge / SD.Next',
    family: 'a1111',
    baseUrl: 'http://127.0.0.1:7860',
    // The checkpoint loaded in the web UI decides; the field is informational.
    defaultModel: '',
    models: [],
    needsKey: false,
    local: true,
    sizing: { kind: 'free', multiple: 8, megapixels: 1, maxEdge: 2048 },
    negativePrompt: true,
    // CLIP reads 75-token chunks and A1111 concatenates them: no hard limit.
    maxPromptChars: 20_000,
    takesJson: false,
    cost: 'none',
  },
  custom: {
    id: 'custom',
    name: 'Custom',
    family: 'openai-images',
    baseUrl: '',
    defaultModel: '',
    models: [],
    needsKey: false,
    local: false,
    // Unknown servers: OpenAI's standard sizes are what OpenAI-compatible servers accept.
    sizing: { kind: 'sizes', sizes: GPT_IMAGE_SIZES },
    negativePrompt: false,
    maxPromptChars: 4_000,
    takesJson: false,
    cost: 'tokens',
  },
};

export function isImageProviderId(value: unknown): value is ImageProviderId {
  return typeof value === 'string' && (IMAGE_PROVIDER_IDS as readonly string[]).includes(value);
}

/** What one model can take: the preset, refined where a model's limits differ. */
export type ImageModelCaps = Pick<ImageProviderPreset, 'sizing' | 'negativePrompt' | 'maxPromptChars' | 'takesJson'>;

export function imageModelCaps(preset: ImageProviderPreset, model: string): ImageModelCaps {
  const base: ImageModelCaps = {
    sizing: preset.sizing,
    negativePrompt: preset.negativePrompt,
    maxPromptChars: preset.maxPromptChars,
    takesJson: preset.takesJson,
  };
  const id = model.trim().toLowerCase();
  if (preset.family === 'openai-images' && preset.id !== 'xai') {
    // Limits from CreateImageRequest.prompt / .size in OpenAI's spec.
    if (id.startsWith('dall-e-3'))
      return { ...base, sizing: { kind: 'sizes', sizes: DALL_E_3_SIZES }, maxPromptChars: 4_000 };
    if (id.startsWith('dall-e-2'))
      return { ...base, sizing: { kind: 'sizes', sizes: DALL_E_2_SIZES }, maxPromptChars: 1_000 };
    if (id.startsWith('gpt-image-2')) {
      return {
        ...base,
        sizing: { kind: 'free', multiple: 16, megapixels: 1.5, maxEdge: 3840 },
        maxPromptChars: 32_000,
      };
    }
    if (id.startsWith('gpt-image'))
      return { ...base, sizing: { kind: 'sizes', sizes: GPT_IMAGE_SIZES }, maxPromptChars: 32_000 };
  }
  if (preset.id === 'fal' && /sdxl|stable-diffusion|sd-?\d/.test(id)) return { ...base, negativePrompt: true };
  return base;
}

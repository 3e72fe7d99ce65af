/**
 * Google's native `models/{model}:generateContent` (the OpenAI-compatible endpoint has no
 * imageConfig): key in `x-goog-api-key`, `generationConfig.responseModalities: ["IMAGE"]`,
 * `imageConfig.aspectRatio`; the picture comes back as `inlineData` (base64) in the parts. A
 * refusal is not an HTTP error: `promptFeedback.blockReason` or a finishReason of
 * IMAGE_SAFETY / SAFETY / PROHIBITED_CONTENT with no image.
 */
import { underDeadline } from './deadline';
import { fetchJson } from './fetch-json';
import { fail } from './generation-error';
import { decodeBase64Image } from './image-bytes';
import type { ImageProviderPreset } from './presets';
import type { GeneratedImage, GenerationRequest } from './types';

interface InlineData {
  mimeType?: string;
  data?: string;
}

interface GenerateContentResponse {
  candidates?: Array<{
    finishReason?: string;
    content?: { parts?: Array<{ text?: string; inlineData?: InlineData; inline_data?: InlineData }> };
  }>;
  promptFeedback?: { blockReason?: string };
  usageMetadata?: { totalTokenCount?: number };
}

const REFUSALS = new Set([
  'IMAGE_SAFETY',
  'SAFETY',
  'PROHIBITED_CONTENT',
  'BLOCKLIST',
  'IMAGE_PROHIBITED_CONTENT',
  'RECITATION',
]);

export function geminiImageBody(request: Pick<GenerationRequest, 'input'>): Record<string, unknown> {
  const { input } = request;
  return {
    contents: [{ role: 'user', parts: [{ text: input.prompt }] }],
    generationConfig: {
      responseModalities: ['IMAGE'],
      ...(input.size.kind === 'aspect' ? { imageConfig: { aspectRatio: input.size.ratio } } : {}),
    },
  };
}

export function generateGeminiImage(preset: ImageProviderPreset, request: GenerationRequest): Promise<GeneratedImage> {
  return underDeadline(request, preset.local, async (signal) => {
    request.onProgress?.({ phase: 'submitted' });
    const url = `${request.baseUrl.replace(/\/+$/, '')}/models/${encodeURIComponent(request.model)}:generateContent`;
    const response = await fetchJson<GenerateContentResponse>(url, {
      headers: { 'x-goog-api-key': request.apiKey },
      body: geminiImageBody(request),
      signal,
      local: preset.local,
    });
    const blocked = response.promptFeedback?.blockReason;
    if (blocked) fail('content-policy', { detail: blocked });
    const candidate = response.candidates?.[0];
    const parts = candidate?.content?.parts ?? [];
    const image = parts.map((part) => part.inlineData ?? part.inline_data).find((data) => data?.data);
    if (!image?.data) {
      if (candidate?.finishReason && REFUSALS.has(candidate.finishReason))
        fail('content-policy', { detail: candidate.finishReason });
      const text = parts
        .map((part) => part.text ?? '')
        .join(' ')
        .trim();
      fail('no-image-in-answer', text ? { detail: text } : {});
    }
    const tokens = response.usageMetadata?.totalTokenCount;
    return decodeBase64Image(image.data, tokens !== undefined ? { cost: { tokens } } : {});
  });
}

/**
 * OpenRouter's image output: chat completions with `modalities: ["image","text"]`; the images
 * come back as data URLs in `choices[0].message.images[].image_url.url`, the aspect ratio goes
 * in `image_config.aspect_ratio` (openrouter.ai/docs/features/multimodal/image-generation).
 */
import { underDeadline } from './deadline';
import { fetchJson } from './fetch-json';
import { fail } from './generation-error';
import { fetchResultImage } from './image-bytes';
import type { ImageProviderPreset } from './presets';
import type { GeneratedImage, GenerationRequest } from './types';

interface ChatImageResponse {
  choices?: Array<{ message?: { content?: string | null; images?: Array<{ image_url?: { url?: string } }> } }>;
  usage?: { total_tokens?: number; cost?: number };
}

export function openrouterImageBody(request: Pick<GenerationRequest, 'model' | 'input'>): Record<string, unknown> {
  const { model, input } = request;
  return {
    model,
    messages: [{ role: 'user', content: input.prompt }],
    modalities: ['image', 'text'],
    ...(input.size.kind === 'aspect' ? { image_config: { aspect_ratio: input.size.ratio } } : {}),
  };
}

export function generateOpenRouterImage(
  preset: ImageProviderPreset,
  request: GenerationRequest,
): Promise<GeneratedImage> {
  return underDeadline(request, preset.local, async (signal) => {
    request.onProgress?.({ phase: 'submitted' });
    const response = await fetchJson<ChatImageResponse>(`${request.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
      headers: { authorization: `Bearer ${request.apiKey}` },
      body: openrouterImageBody(request),
      signal,
      local: preset.local,
    });
    const message = response.choices?.[0]?.message;
    const url = message?.images?.find((image) => image.image_url?.url)?.image_url?.url;
    // A text-only answer is the model declining or describing instead of drawing: show its words.
    if (!url) fail('no-image-in-answer', { ...(message?.content ? { detail: message.content } : {}) });
    const { total_tokens: tokens, cost: credits } = response.usage ?? {};
    const cost = { ...(tokens !== undefined ? { tokens } : {}), ...(credits !== undefined ? { credits } : {}) };
    return fetchResultImage(url, signal, Object.keys(cost).length ? { cost } : {});
  });
}

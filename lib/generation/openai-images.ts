/**
 * OpenAI's `images.generate` through the official SDK; also xAI and custom servers, which
 * speak the same `/images/generations` (OpenAI's spec: CreateImageRequest → ImagesResponse).
 * GPT image models always answer base64 and reject `response_format`; DALL·E, xAI and unknown
 * servers answer a URL unless asked for `b64_json`.
 */
import { APIError, type OpenAI } from 'openai';
import type { ImageGenerateParamsNonStreaming } from 'openai/resources/images';
import { createClient } from '../providers/client';
import { PRESETS } from '../providers/presets';
import { DEFAULT_TIMEOUT_MS, underDeadline } from './deadline';
import { fail, GenerationFailure } from './generation-error';
import { httpError } from './http-error';
import { decodeBase64Image, fetchResultImage } from './image-bytes';
import type { ImageProviderPreset } from './presets';
import type { GeneratedImage, GenerationRequest } from './types';

export function openaiImageBody(
  _preset: ImageProviderPreset,
  request: Pick<GenerationRequest, 'model' | 'input'>,
): ImageGenerateParamsNonStreaming {
  const { model, input } = request;
  const body: ImageGenerateParamsNonStreaming = { model, prompt: input.prompt, n: 1 };
  if (input.size.kind === 'size') body.size = `${input.size.width}x${input.size.height}`;
  if (!/^gpt-image/i.test(model)) body.response_format = 'b64_json';
  return body;
}

function client(preset: ImageProviderPreset, request: GenerationRequest): OpenAI {
  return createClient({
    preset: PRESETS[preset.visionProvider ?? 'custom'],
    baseUrl: request.baseUrl,
    apiKey: request.apiKey,
    // Our deadline (same length) fires first and is reported as a timeout; the SDK's is a backstop.
    timeoutMs: (request.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 5_000,
  });
}

export function generateOpenAIImage(preset: ImageProviderPreset, request: GenerationRequest): Promise<GeneratedImage> {
  return underDeadline(request, preset.local, async (signal) => {
    let response: OpenAI.ImagesResponse;
    try {
      request.onProgress?.({ phase: 'submitted' });
      response = await client(preset, request).images.generate(openaiImageBody(preset, request), { signal });
    } catch (error) {
      if (error instanceof APIError && typeof error.status === 'number') {
        const info = httpError(error.status, { error: error.error }, error.headers, preset.local);
        throw new GenerationFailure(info.detail ? info : { ...info, detail: error.message });
      }
      throw error;
    }
    const image = response.data?.[0];
    const requested =
      request.input.size.kind === 'size' ? `${request.input.size.width}x${request.input.size.height}` : undefined;
    const [width, height] = (response.size ?? requested ?? '').split('x').map(Number);
    const meta = {
      ...(width && height ? { width, height } : {}),
      ...(response.usage?.total_tokens !== undefined ? { cost: { tokens: response.usage.total_tokens } } : {}),
      ...(image?.revised_prompt ? { revisedPrompt: image.revised_prompt } : {}),
    };
    if (image?.b64_json) return decodeBase64Image(image.b64_json, meta);
    if (image?.url) {
      request.onProgress?.({ phase: 'downloading' });
      return fetchResultImage(image.url, signal, meta);
    }
    fail('no-image-in-answer');
  });
}

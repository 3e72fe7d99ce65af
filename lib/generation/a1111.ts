/**
 * AUTOMATIC1111 / Forge / SD.Next on this machine: `POST {base}/sdapi/v1/txt2img` (only there
 * when the web UI was started with `--api`; a browser also needs `--cors-allow-origins`).
 * The answer is `{images: [base64 PNG], parameters, info}` where `info` is a JSON *string*
 * holding the seed actually used.
 */
import { underDeadline } from './deadline';
import { fetchJson } from './fetch-json';
import { fail } from './generation-error';
import { decodeBase64Image } from './image-bytes';
import type { ImageProviderPreset } from './presets';
import type { GeneratedImage, GenerationRequest } from './types';

interface Txt2ImgResponse {
  images?: string[];
  info?: string;
}

export const A1111_DEFAULT_STEPS = 20;

export function a1111Body(request: Pick<GenerationRequest, 'input'>): Record<string, unknown> {
  const { input } = request;
  const size = input.size.kind === 'size' ? input.size : { width: 1024, height: 1024 };
  return {
    prompt: input.prompt,
    negative_prompt: input.negativePrompt ?? '',
    width: size.width,
    height: size.height,
    steps: A1111_DEFAULT_STEPS,
    // -1: the server picks one and reports it in `info`.
    seed: -1,
    batch_size: 1,
    n_iter: 1,
  };
}

function seedOf(info: string | undefined): number | undefined {
  try {
    const seed = (JSON.parse(info ?? '') as { seed?: unknown }).seed;
    return typeof seed === 'number' ? seed : undefined;
  } catch {
    return undefined;
  }
}

export function generateA1111Image(preset: ImageProviderPreset, request: GenerationRequest): Promise<GeneratedImage> {
  return underDeadline(request, preset.local, async (signal) => {
    request.onProgress?.({ phase: 'running' });
    const body = a1111Body(request);
    const response = await fetchJson<Txt2ImgResponse>(`${request.baseUrl.replace(/\/+$/, '')}/sdapi/v1/txt2img`, {
      body,
      signal,
      local: preset.local,
    });
    const image = response.images?.[0];
    if (!image) fail('no-image-in-answer');
    const seed = seedOf(response.info);
    return decodeBase64Image(image, {
      width: body.width as number,
      height: body.height as number,
      ...(seed !== undefined ? { seed } : {}),
    });
  });
}

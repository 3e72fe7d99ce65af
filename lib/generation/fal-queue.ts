/**
 * fal.ai's queue API (fal.ai/docs, "Queue"): POST queue.fal.run/{model} with
 * `Authorization: Key …` → `{request_id, status_url, response_url, cancel_url}`; GET status_url
 * walks IN_QUEUE (with `queue_position`) → IN_PROGRESS → COMPLETED; GET response_url → the
 * model's output `{images:[{url,width,height,content_type}], seed, has_nsfw_concepts}`. The
 * image itself is a CDN link that expires. Errors are FastAPI's `{detail}` (401, 422).
 */
import { sleep, underDeadline } from './deadline';
import { fetchJson } from './fetch-json';
import { fail } from './generation-error';
import { fetchResultImage } from './image-bytes';
import type { ImageProviderPreset } from './presets';
import type { GeneratedImage, GenerationRequest } from './types';

export interface FalPollOptions {
  intervalMs?: number;
  /** Polls in a row with the same queue position before we call the queue stuck. */
  stuckAfterPolls?: number;
}

interface FalSubmitted {
  request_id: string;
  status_url: string;
  response_url: string;
  cancel_url?: string;
}

interface FalStatus {
  status: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED' | string;
  queue_position?: number;
}

interface FalResult {
  images?: Array<{ url?: string; width?: number; height?: number; content_type?: string }>;
  seed?: number;
  has_nsfw_concepts?: boolean[];
}

export function falBody(request: Pick<GenerationRequest, 'input'>): Record<string, unknown> {
  const { input } = request;
  return {
    prompt: input.prompt,
    ...(input.negativePrompt ? { negative_prompt: input.negativePrompt } : {}),
    ...(input.size.kind === 'fal' ? { image_size: input.size.imageSize } : {}),
    num_images: 1,
    enable_safety_checker: true,
  };
}

export function generateFalImage(
  preset: ImageProviderPreset,
  request: GenerationRequest,
  poll: FalPollOptions = {},
): Promise<GeneratedImage> {
  const { intervalMs = 1000, stuckAfterPolls = 60 } = poll;
  const headers = { authorization: `Key ${request.apiKey}` };
  const local = preset.local;
  return underDeadline(request, local, async (signal) => {
    const base = request.baseUrl.replace(/\/+$/, '');
    const job = await fetchJson<FalSubmitted>(`${base}/${request.model.replace(/^\/+/, '')}`, {
      headers,
      body: falBody(request),
      signal,
      local,
    });
    request.onProgress?.({ phase: 'submitted' });
    // Cancelled or timed out: tell fal, so the user is not billed for an image nobody waits for.
    const cancel = () => {
      if (job.cancel_url) void fetch(job.cancel_url, { method: 'PUT', headers }).catch(() => undefined);
    };
    signal.addEventListener('abort', cancel, { once: true });
    try {
      let last = '';
      let same = 0;
      for (;;) {
        const state = await fetchJson<FalStatus>(job.status_url, { method: 'GET', headers, signal, local });
        if (state.status === 'COMPLETED') break;
        if (state.status === 'IN_QUEUE') request.onProgress?.({ phase: 'queued', position: state.queue_position ?? 0 });
        else if (state.status === 'IN_PROGRESS') request.onProgress?.({ phase: 'running' });
        const key = `${state.status}:${state.queue_position ?? ''}`;
        same = key === last ? same + 1 : 1;
        last = key;
        // Only a queue that does not move is stuck; a long IN_PROGRESS is a slow model (the timeout covers it).
        if (state.status === 'IN_QUEUE' && same >= stuckAfterPolls) {
          cancel();
          fail('queue-stuck', { detail: `position ${state.queue_position ?? '?'} for ${same} polls` });
        }
        await sleep(intervalMs, signal);
      }
      const result = await fetchJson<FalResult>(job.response_url, { method: 'GET', headers, signal, local });
      if (result.has_nsfw_concepts?.[0]) fail('content-policy', { detail: 'has_nsfw_concepts' });
      const image = result.images?.[0];
      if (!image?.url) fail('no-image-in-answer');
      request.onProgress?.({ phase: 'downloading' });
      return await fetchResultImage(image.url, signal, {
        ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
        ...(typeof result.seed === 'number' ? { seed: result.seed } : {}),
      });
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  });
}

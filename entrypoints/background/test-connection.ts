import { classifyError } from '@/lib/providers/classify-error';
import { createClient } from '@/lib/providers/client';
import { buildChatRequest } from '@/lib/providers/request-params';
import { streamCompletion } from '@/lib/providers/stream-completion';
import { blobToDataUrl } from '@/lib/image/data-url';
import type { ConnectionCheck } from '@/lib/messaging';
import { assertConfigured, currentProvider } from './provider-config';

/** A tiny test image: also proves the model accepts images, not just text. */
async function probeImage(): Promise<string> {
  const canvas = new OffscreenCanvas(32, 32);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#3d7bd9';
  ctx.fillRect(0, 0, 32, 32);
  return blobToDataUrl(await canvas.convertToBlob({ type: 'image/png' }));
}

/** One real request with the saved settings: URL, key, model and image support, all at once. */
export async function testConnection(): Promise<ConnectionCheck> {
  const started = performance.now();
  let local = false;
  try {
    const config = await currentProvider();
    local = config.preset.local;
    assertConfigured(config);
    const timeoutMs = config.settings.timeoutSeconds * 1000;
    const body = buildChatRequest(config.preset, config.model, [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Reply with one word: the colour of this image.' },
          { type: 'image_url', image_url: { url: await probeImage() } },
        ],
      },
    ]);
    const controller = new AbortController();
    let reply = '';
    await streamCompletion({
      client: createClient({ ...config, timeoutMs }),
      body,
      timeoutMs,
      signal: controller.signal,
      // The first words prove it works; the rest would only cost the user tokens.
      onText: (text) => {
        reply = text;
        if (text.length > 40) controller.abort();
      },
    }).catch((error) => {
      if (!controller.signal.aborted) throw error;
    });
    return { ok: true, model: config.model, reply: reply.trim(), ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: classifyError(error, local) };
  }
}

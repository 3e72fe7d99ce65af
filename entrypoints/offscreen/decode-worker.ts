/**
 * The offscreen document's decoder, on a thread of its own: the document shares its main thread
 * with every other extension page (the popup among them), whose start-up would otherwise hold
 * the decode the request waits for (measured in the user-wait bench). The reply goes straight
 * back to the service worker on the port it sent, past the document's main thread.
 */
import { JobFailure } from '@/lib/errors';
import { normalizeImage } from '@/lib/image/normalize';
import type { OffscreenNormalizeReply, OffscreenNormalizeRequest } from '@/lib/image/offscreen-protocol';

self.onmessage = (event: MessageEvent<OffscreenNormalizeRequest>) => {
  const port = event.ports[0];
  const request = event.data;
  // Only the document that started this worker talks to it, and it passes on checked requests.
  if (!port) return;
  normalizeImage(request.blob, request.format, request.limits, request.maxDataUrlBytes, {
    scaledDecode: true,
    head: request.head,
  }).then(
    (image) => port.postMessage({ ok: true, image } satisfies OffscreenNormalizeReply),
    (error: unknown) =>
      port.postMessage(
        (error instanceof JobFailure
          ? { ok: false, failure: error.info }
          : { ok: false, broken: String(error) }) satisfies OffscreenNormalizeReply,
      ),
  );
};

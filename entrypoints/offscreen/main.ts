import { JobFailure } from '@/lib/errors';
import { normalizeImage } from '@/lib/image/normalize';
import type { OffscreenNormalizeReply, OffscreenNormalizeRequest } from '@/lib/image/offscreen-protocol';

// Setting onmessage (rather than addEventListener) also starts the client's message queue.
navigator.serviceWorker.onmessage = (event: MessageEvent<OffscreenNormalizeRequest>) => {
  const port = event.ports[0];
  const request = event.data;
  if (!port || request?.type !== 'promptlens:normalize') return;
  // Only our own worker can reach this page: it is an extension page no site can open or frame.
  normalizeImage(request.blob, request.format, request.limits, request.maxDataUrlBytes, { scaledDecode: true }).then(
    (image) => port.postMessage({ ok: true, image } satisfies OffscreenNormalizeReply),
    (error: unknown) =>
      port.postMessage(
        (error instanceof JobFailure
          ? { ok: false, failure: error.info }
          : { ok: false, broken: String(error) }) satisfies OffscreenNormalizeReply,
      ),
  );
};

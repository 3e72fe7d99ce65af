import { JobFailure, shorten } from '../errors';
import { looksLikeText, sniffFormat, type ImageFormat } from './sniff';

export interface FetchedImage {
  blob: Blob;
  format: ImageFormat;
}

/** Enough for any image a page shows; the provider never sees more than a few hundred KB. */
export const MAX_SOURCE_BYTES = 100 * 1024 * 1024;

/** A body of unknown length, read until it passes `maxBytes` (then the download stops). */
async function readCapped(response: Response, maxBytes: number): Promise<Blob> {
  const reader = response.body!.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      void reader.cancel();
      throw new JobFailure({ code: 'image-too-big', detail: `over ${maxBytes} bytes` });
    }
    parts.push(chunk.value);
  }
  return new Blob(parts as BlobPart[], { type: response.headers.get('content-type') ?? '' });
}

/**
 * Download the image's bytes with the extension's host permission (no CORS, no tainting).
 * `maxBytes` is the largest file taken, declared or not.
 */
export async function fetchImage(url: string, signal: AbortSignal, maxBytes = MAX_SOURCE_BYTES): Promise<FetchedImage> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'include' });
  } catch (error) {
    if (signal.aborted) throw new JobFailure({ code: 'image-fetch', detail: 'timed out' });
    throw new JobFailure({ code: 'image-fetch', detail: shorten((error as Error).message) });
  }
  if (!response.ok) {
    throw new JobFailure({ code: 'image-fetch', status: response.status, detail: `HTTP ${response.status}` });
  }
  const declared = Number(response.headers.get('content-length'));
  // The image itself is too big to handle: not the provider's limit, which 'too-large' names.
  if (declared > maxBytes) throw new JobFailure({ code: 'image-too-big', detail: `${declared} bytes` });
  const blob = declared || !response.body ? await response.blob() : await readCapped(response, maxBytes);
  const head = new Uint8Array(await blob.slice(0, 512).arrayBuffer());
  const format = sniffFormat(head);
  if (format === 'unknown' && looksLikeText(head)) {
    throw new JobFailure({ code: 'not-an-image', detail: response.headers.get('content-type') ?? undefined });
  }
  return { blob, format };
}

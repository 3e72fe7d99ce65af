import { JobFailure, shorten } from '../errors';
import { HEAD_BYTES, readHead } from './dimensions';
import { looksLikeText, sniffFormat, type ImageFormat } from './sniff';

export interface FetchedImage {
  blob: Blob;
  format: ImageFormat;
  /**
   * The file's first HEAD_BYTES, kept from the download: reading them back from the blob waits
   * for the browser to have stored all of it (20–60 ms for a 4 MB photo, measured).
   */
  head?: Uint8Array;
}

interface Body {
  blob: Blob;
  head: Uint8Array;
}

/** Enough for any image a page shows; the provider never sees more than a few hundred KB. */
export const MAX_SOURCE_BYTES = 100 * 1024 * 1024;

const contentType = (response: Response) => response.headers.get('content-type') ?? '';

/**
 * Above this, a file goes straight into a blob, without a passing copy in the worker's memory;
 * its head is then read back from the blob (the wait is small next to such a download).
 */
const IN_MEMORY_MAX_BYTES = 32 * 1024 * 1024;

/** A body of known length, whole. */
async function readWhole(response: Response, declared: number): Promise<Body> {
  if (declared > IN_MEMORY_MAX_BYTES) {
    const blob = await response.blob();
    return { blob, head: await readHead(blob) };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { blob: new Blob([bytes], { type: contentType(response) }), head: bytes.slice(0, HEAD_BYTES) };
}

/** The first HEAD_BYTES of a body read in parts. */
function headOf(parts: Uint8Array[]): Uint8Array {
  const head = new Uint8Array(
    Math.min(
      HEAD_BYTES,
      parts.reduce((sum, part) => sum + part.byteLength, 0),
    ),
  );
  let at = 0;
  for (const part of parts) {
    if (at >= head.length) break;
    const take = part.subarray(0, head.length - at);
    head.set(take, at);
    at += take.byteLength;
  }
  return head;
}

/** A body of unknown length, read until it passes `maxBytes` (then the download stops). */
async function readCapped(response: Response, maxBytes: number): Promise<Body> {
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
  return { blob: new Blob(parts as BlobPart[], { type: contentType(response) }), head: headOf(parts) };
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
  const { blob, head } =
    declared || !response.body ? await readWhole(response, declared) : await readCapped(response, maxBytes);
  const start = head.subarray(0, 512);
  const format = sniffFormat(start);
  if (format === 'unknown' && looksLikeText(start)) {
    throw new JobFailure({ code: 'not-an-image', detail: contentType(response) || undefined });
  }
  return { blob, format, head };
}

/**
 * The bytes a provider answered with → a GeneratedImage, or a clear failure: not an image
 * (told by magic bytes, never by the declared type), over 50 MB, or a result URL that has
 * expired by the time we fetch it.
 */
import { sniffFormat, type ImageFormat } from '../image/sniff';
import { fail } from './generation-error';
import { readErrorBody } from './http-error';
import { shorten } from '../errors';
import type { GeneratedImage } from './types';

export const MAX_RESULT_BYTES = 50 * 1024 * 1024;

const MIME: Partial<Record<ImageFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
};

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toGeneratedImage(bytes: Uint8Array, meta: Omit<GeneratedImage, 'bytes' | 'mime'> = {}): GeneratedImage {
  if (bytes.byteLength > MAX_RESULT_BYTES)
    fail('image-too-big', { detail: `${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB` });
  const mime = MIME[sniffFormat(bytes.subarray(0, 512))];
  if (!mime) fail('not-an-image', { detail: new TextDecoder().decode(bytes.subarray(0, 120)) });
  return { bytes: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), mime, ...meta };
}

export function decodeBase64Image(base64: string, meta?: Omit<GeneratedImage, 'bytes' | 'mime'>): GeneratedImage {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(base64);
  } catch (error) {
    fail('not-an-image', { detail: String(error) });
  }
  return toGeneratedImage(bytes, meta);
}

/** `data:` URL or remote URL (fal's CDN, DALL·E's 60-minute links) → the image. */
export async function fetchResultImage(
  url: string,
  signal: AbortSignal,
  meta?: Omit<GeneratedImage, 'bytes' | 'mime'>,
): Promise<GeneratedImage> {
  const data = /^data:[^;,]*;base64,/i.exec(url);
  if (data) return decodeBase64Image(url.slice(data[0].length), meta);
  const response = await fetch(url, { signal });
  if (!response.ok) {
    const body = await readErrorBody(response);
    // Result links are signed and short-lived: a 403/404/410 here means it has expired.
    if ([403, 404, 410].includes(response.status))
      fail('result-expired', { status: response.status, detail: shorten(JSON.stringify(body)) });
    fail('server', { status: response.status, detail: JSON.stringify(body) });
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_RESULT_BYTES) {
    await response.body?.cancel();
    fail('image-too-big', { detail: `${(declared / 1024 / 1024).toFixed(1)} MB` });
  }
  return toGeneratedImage(new Uint8Array(await response.arrayBuffer()), meta);
}

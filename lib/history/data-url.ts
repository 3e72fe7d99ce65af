/**
 * Blobs ↔ base64 data: URLs, for thumbnails inside an export file. Plain code rather than
 * FileReader/fetch: the same in extension pages and in Node's unit tests, and synchronous on
 * the way in, so decoding finishes before the import's transaction starts.
 */
const CHUNK = 0x8000;

/** Thumbnails are made as WebP; a blob that lost its type is still one. */
export async function blobToDataUrl(blob: Blob, fallbackType = 'image/webp'): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return `data:${blob.type || fallbackType};base64,${btoa(binary)}`;
}

/** Throws on a malformed URL or base64 (the caller names the entry). */
export function dataUrlToBlob(url: string): Blob {
  const match = /^data:([^;,]+);base64,/.exec(url);
  if (!match) throw new Error('not a base64 data: URL');
  const binary = atob(url.slice(match[0].length));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: match[1] });
}

/**
 * Base64 data: URLs → blobs, for thumbnails inside an export file (the other way is
 * lib/image/data-url.ts). Plain code rather than fetch: the same in extension pages and in
 * Node's unit tests, and synchronous, so decoding can run inside the import's transaction.
 */

const DATA_URL = /^data:([^;,]+);base64,/;

/** What atob will accept: the schema checked the alphabet; here the length and padding. */
export function isBase64DataUrl(url: string): boolean {
  const match = DATA_URL.exec(url);
  if (!match) return false;
  const body = url.slice(match[0].length);
  return body.length % 4 === 0 && !/={3,}$/.test(body) && !/=[^=]/.test(body);
}

/** Throws on a malformed URL or base64. */
export function dataUrlToBlob(url: string): Blob {
  const match = DATA_URL.exec(url);
  if (!match) throw new Error('not a base64 data: URL');
  const binary = atob(url.slice(match[0].length));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: match[1] });
}

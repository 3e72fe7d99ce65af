type WithToBase64 = Uint8Array & { toBase64?: () => string };

/** Base64 of bytes: the native encoder where the browser has one, chunked btoa otherwise. */
export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as WithToBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** `fallbackType` names a blob that lost its type (an exported thumbnail is WebP whatever its blob says). */
export async function blobToDataUrl(blob: Blob, fallbackType = ''): Promise<string> {
  return `data:${blob.type || fallbackType};base64,${toBase64(new Uint8Array(await blob.arrayBuffer()))}`;
}

/** Length of the base64 data URL a blob becomes, without building it. */
export function dataUrlLength(blob: Blob): number {
  return `data:${blob.type};base64,`.length + Math.ceil(blob.size / 3) * 4;
}

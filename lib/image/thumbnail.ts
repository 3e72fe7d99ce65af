/** Side of the square a thumbnail fits in: crisp at 48 CSS px on a 2× screen. */
export const THUMBNAIL_SIZE = 96;

/**
 * A few-KB preview for history lists, so the popup never decodes full images to draw rows.
 * WebP where the browser encodes it, JPEG otherwise.
 */
export async function makeThumbnail(source: Blob, size = THUMBNAIL_SIZE): Promise<Blob> {
  const bitmap = await createImageBitmap(source);
  const scale = Math.min(1, size / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const webp = await canvas.convertToBlob({ type: 'image/webp', quality: 0.7 });
  return webp.type === 'image/webp' ? webp : canvas.convertToBlob({ type: 'image/jpeg', quality: 0.75 });
}

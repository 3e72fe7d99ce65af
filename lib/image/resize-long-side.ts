/**
 * An image scaled to fit a long side (never up) and encoded as JPEG or PNG: the Dataset
 * export's "resized" images. Decoded straight at the target size where the browser can
 * (createImageBitmap's resize options), so a large original is never held at full size.
 */
import { readDimensions, readHead } from './dimensions';

export interface LongSideTarget {
  longSide: number;
  mime: 'image/jpeg' | 'image/png';
}

export function fitLongSide(width: number, height: number, longSide: number): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function resizeToLongSide(image: Blob, { longSide, mime }: LongSideTarget): Promise<Blob> {
  const known = readDimensions(await readHead(image));
  const target = known && fitLongSide(known.width, known.height, longSide);
  const bitmap = target
    ? await createImageBitmap(image, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' })
    : await createImageBitmap(image);
  const { width, height } = fitLongSide(bitmap.width, bitmap.height, longSide);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  // JPEG has no alpha: transparent pixels would turn black.
  if (mime === 'image/jpeg') {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
  }
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return canvas.convertToBlob(mime === 'image/jpeg' ? { type: mime, quality: 0.92 } : { type: mime });
}

/**
 * Decode → downscale → re-encode, in one pass over the full-size pixels. Re-encoding from
 * pixels is also what strips EXIF/GPS: no metadata survives a canvas.
 */
import { dataUrlLength } from './data-url';
import { fitSize, type FitLimits } from './fit-size';
import { mayHaveAlpha, type ImageFormat } from './sniff';
import { JobFailure } from '../jobs/job-error';
import type { JobImageInfo } from '../jobs/types';

export interface NormalizedImage {
  blob: Blob;
  info: JobImageInfo;
}

const JPEG_QUALITIES = [0.85, 0.72, 0.6];

function hasTransparency(ctx: OffscreenCanvasRenderingContext2D, width: number, height: number): boolean {
  const data = ctx.getImageData(0, 0, width, height).data;
  for (let i = 3; i < data.length; i += 4) if (data[i]! < 250) return true;
  return false;
}

export async function normalizeImage(
  source: Blob,
  format: ImageFormat,
  limits: FitLimits,
  maxDataUrlBytes: number,
): Promise<NormalizedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(source);
  } catch (error) {
    throw new JobFailure({ code: 'image-decode', detail: `${format}: ${(error as Error).message}` });
  }
  const originalWidth = bitmap.width;
  const originalHeight = bitmap.height;
  const { width, height } = fitSize({ width: originalWidth, height: originalHeight }, limits);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: false });
  if (!ctx) throw new JobFailure({ code: 'image-decode', detail: 'no 2D canvas' });
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();

  const transparent = mayHaveAlpha(format) && hasTransparency(ctx, width, height);
  let blob: Blob | undefined;
  if (transparent) {
    blob = await canvas.convertToBlob({ type: 'image/png' });
  }
  // Opaque images, and transparent ones whose PNG is too big for the provider, go as JPEG.
  for (const quality of JPEG_QUALITIES) {
    if (blob && dataUrlLength(blob) <= maxDataUrlBytes) break;
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  if (!blob || dataUrlLength(blob) > maxDataUrlBytes) {
    throw new JobFailure({ code: 'too-large', detail: `${blob?.size ?? 0} bytes` });
  }
  return {
    blob,
    info: { originalWidth, originalHeight, width, height, mime: blob.type, bytes: blob.size },
  };
}

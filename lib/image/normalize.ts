/**
 * Decode → downscale → re-encode, in one pass over the full-size pixels. Re-encoding from
 * pixels is also what strips EXIF/GPS: no metadata survives a canvas.
 */
import { dataUrlLength } from './data-url';
import { decodeImage, type DecodedImage } from './decode';
import { readDimensions, readHead } from './dimensions';
import { fitSize, type FitLimits, type Size } from './fit-size';
import { mayHaveAlpha, type ImageFormat } from './sniff';
import { JobFailure } from '../errors';
import type { JobImageInfo } from '../jobs/types';

export interface NormalizedImage {
  blob: Blob;
  info: JobImageInfo;
}

const JPEG_QUALITIES = [0.85, 0.72, 0.6];

/** Below this on either side there is nothing to describe (spacers, tracking pixels, icons). */
export const MIN_SIDE = 16;
/** The largest image we decode: 100 MP is ~400 MB of pixels in memory. */
export const MAX_MEGAPIXELS = 100;

/** The header's size, refusing what would not fit in memory before anything is decoded. */
async function readHeader(source: Blob, known?: Uint8Array): Promise<{ head: Uint8Array; stored?: Size }> {
  const head = known ?? (await readHead(source));
  const stored = readDimensions(head);
  if (stored && stored.width * stored.height > MAX_MEGAPIXELS * 1_000_000) {
    throw new JobFailure({ code: 'image-too-big', detail: `${stored.width} × ${stored.height}` });
  }
  return { head, stored };
}

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
  /** scaledDecode: see decode.ts; head: the file's first HEAD_BYTES, when the caller has them. */
  { scaledDecode = false, head: known }: { scaledDecode?: boolean; head?: Uint8Array } = {},
): Promise<NormalizedImage> {
  const { head, stored } = await readHeader(source, known);
  let decoded: DecodedImage;
  try {
    decoded = await decodeImage(source, format, stored, head, limits, scaledDecode);
  } catch (error) {
    throw new JobFailure({ code: 'image-decode', detail: `${format}: ${(error as Error).message}` });
  }
  const { originalWidth, originalHeight } = decoded;
  if (Math.min(originalWidth, originalHeight) < MIN_SIDE) {
    decoded.close();
    throw new JobFailure({ code: 'image-too-small', detail: `${originalWidth} × ${originalHeight}` });
  }
  const { width, height } = fitSize({ width: originalWidth, height: originalHeight }, limits);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: false });
  if (!ctx) {
    decoded.close();
    throw new JobFailure({ code: 'image-decode', detail: 'no 2D canvas' });
  }
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(decoded.image, 0, 0, width, height);
  decoded.close();

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

/**
 * The image's pixels at the smallest size that still covers what we send. Where the caller asks
 * for it and WebCodecs' ImageDecoder exists (Chrome's offscreen document; not its service
 * worker), an upright JPEG is decoded at a reduced size: a 12 MP photo then never exists in
 * memory at full size (48 MB less) and decodes in about two thirds of the time. Everything else,
 * and any doubt, takes createImageBitmap at full size. Firefox keeps the full-size path: its
 * ImageDecoder in a background page is not proven here (an end-to-end run once hung there).
 */
import { fitSize, type FitLimits, type Size } from './fit-size';
import { jpegOrientation } from './jpeg-orientation';
import { jpegDecodeSize } from './scaled-decode';
import type { ImageFormat } from './sniff';

/** The part of WebCodecs we use (not in TypeScript's DOM library yet). */
interface DecodedFrame {
  readonly displayWidth: number;
  readonly displayHeight: number;
  close(): void;
}
interface ImageDecoderLike {
  decode(): Promise<{ image: DecodedFrame }>;
  close(): void;
}
type ImageDecoderConstructor = new (init: {
  data: ArrayBuffer;
  type: string;
  desiredWidth?: number;
  desiredHeight?: number;
}) => ImageDecoderLike;

export interface DecodedImage {
  /** Drawable with drawImage: an ImageBitmap or a VideoFrame. */
  image: CanvasImageSource;
  /** The original's size, as the page shows it. */
  originalWidth: number;
  originalHeight: number;
  close(): void;
}

const imageDecoder = (): ImageDecoderConstructor | undefined =>
  (globalThis as { ImageDecoder?: ImageDecoderConstructor }).ImageDecoder;

/** Whether this context can decode a JPEG at reduced size (the worker asks, to send it where it can). */
export const canDecodeScaled = (): boolean => typeof imageDecoder() === 'function';

/** The reduced size to decode `head`'s image at, or undefined when the full-size path applies. */
export function scaledDecodeSize(format: ImageFormat, stored: Size | undefined, head: Uint8Array, limits: FitLimits) {
  if (format !== 'jpeg' || !stored) return undefined;
  const orientation = jpegOrientation(head);
  if (orientation !== undefined && orientation !== 1) return undefined;
  return jpegDecodeSize(stored, fitSize(stored, limits));
}

async function decodeScaled(
  source: Blob,
  stored: Size,
  asked: Size,
  limits: FitLimits,
): Promise<DecodedImage | undefined> {
  const Decoder = imageDecoder();
  if (!Decoder) return undefined;
  const decoder = new Decoder({
    data: await source.arrayBuffer(),
    type: 'image/jpeg',
    desiredWidth: asked.width,
    desiredHeight: asked.height,
  });
  try {
    const { image } = await decoder.decode();
    const target = fitSize(stored, limits);
    // A decoder that ignored the wish for a smaller size is fine; one that went below the target is not.
    if (image.displayWidth < target.width || image.displayHeight < target.height) {
      image.close();
      return undefined;
    }
    return {
      image: image as unknown as CanvasImageSource,
      originalWidth: stored.width,
      originalHeight: stored.height,
      close: () => image.close(),
    };
  } finally {
    decoder.close();
  }
}

export async function decodeImage(
  source: Blob,
  format: ImageFormat,
  stored: Size | undefined,
  head: Uint8Array,
  limits: FitLimits,
  scaled = false,
): Promise<DecodedImage> {
  const asked = scaled && canDecodeScaled() ? scaledDecodeSize(format, stored, head, limits) : undefined;
  if (asked && stored) {
    const scaled = await decodeScaled(source, stored, asked, limits).catch(() => undefined);
    if (scaled) return scaled;
  }
  const bitmap = await createImageBitmap(source);
  return { image: bitmap, originalWidth: bitmap.width, originalHeight: bitmap.height, close: () => bitmap.close() };
}

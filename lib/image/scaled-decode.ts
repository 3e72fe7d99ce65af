/**
 * JPEG can be decoded at 1/8 … 8/8 of its size for a fraction of the work (the decoder skips
 * the DCT coefficients it does not need). Asked for a size, Chromium's decoder picks the largest
 * eighth that fits in it, so the size asked for must be the eighth at or above the size we send,
 * or the image would be scaled up again.
 */
import type { Size } from './fit-size';

/** The size to ask the decoder for, or undefined when only the full size covers `target`. */
export function jpegDecodeSize(stored: Size, target: Size): Size | undefined {
  const eighths = Math.max(
    Math.ceil((8 * target.width) / stored.width - 1e-9),
    Math.ceil((8 * target.height) / stored.height - 1e-9),
    1,
  );
  if (eighths >= 8) return undefined;
  return {
    width: Math.ceil((stored.width * eighths) / 8),
    height: Math.ceil((stored.height * eighths) / 8),
  };
}

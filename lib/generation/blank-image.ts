/**
 * Some providers answer a refused prompt with a black (Stable Diffusion's safety checker) or
 * flat image instead of an error. Node cannot decode images, so this is a pure function over
 * RGBA pixels: the page decodes the result (createImageBitmap → canvas) and calls it.
 */
export type BlankKind = 'black' | 'uniform';

export interface BlankCheck {
  /** Pixels looked at, spread evenly over the image. */
  samples?: number;
  /** Channel difference still counted as "the same colour". */
  tolerance?: number;
}

/** `rgba` is ImageData.data: 4 bytes a pixel. Returns the kind of blank, or undefined. */
export function blankImageKind(
  rgba: Uint8Array | Uint8ClampedArray,
  { samples = 1024, tolerance = 6 }: BlankCheck = {},
): BlankKind | undefined {
  const pixels = Math.floor(rgba.length / 4);
  if (pixels === 0) return 'uniform';
  const step = Math.max(1, Math.floor(pixels / samples));
  const r0 = rgba[0]!;
  const g0 = rgba[1]!;
  const b0 = rgba[2]!;
  let brightest = 0;
  for (let p = 0; p < pixels; p += step) {
    const i = p * 4;
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    brightest = Math.max(brightest, r, g, b);
    if (Math.abs(r - r0) > tolerance || Math.abs(g - g0) > tolerance || Math.abs(b - b0) > tolerance) return undefined;
  }
  return brightest <= tolerance ? 'black' : 'uniform';
}

export interface Size {
  width: number;
  height: number;
}

export interface FitLimits {
  /** Fit inside a square of this side first (OpenAI high detail: 2048). */
  box: number;
  /** Then bring the short side down to this (OpenAI high detail: 768). */
  shortSide: number;
  /** A provider's own cap on the long edge, applied last. */
  longEdge?: number;
}

/** OpenAI's high-detail rule; pixels beyond it are uploaded and thrown away by the provider. */
export const DEFAULT_LIMITS: FitLimits = { box: 2048, shortSide: 768 };

/** The size to send: the image scaled down (never up) to what the provider will use. */
export function fitSize(source: Size, limits: FitLimits = DEFAULT_LIMITS): Size {
  const { width, height } = source;
  if (!(width > 0 && height > 0)) throw new RangeError(`Invalid image size ${width}×${height}`);
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  let scale = Math.min(1, limits.box / long);
  scale = Math.min(scale, limits.shortSide / short);
  if (limits.longEdge) scale = Math.min(scale, limits.longEdge / long);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * Picture shape → the size parameter a generator understands: the nearest allowed `WxH`, the
 * nearest allowed ratio, fal's named presets, or free dimensions on the model's grid. Nearness
 * is measured on a log scale so portrait and landscape errors weigh the same (as in
 * lib/prompt/aspect-ratio.ts).
 */
import type { SizeRule } from './presets';

export type FalSizePreset =
  | 'square_hd'
  | 'square'
  | 'portrait_4_3'
  | 'portrait_16_9'
  | 'landscape_4_3'
  | 'landscape_16_9';

export type GenSize =
  | { kind: 'size'; width: number; height: number }
  | { kind: 'aspect'; ratio: string }
  | { kind: 'fal'; imageSize: FalSizePreset | { width: number; height: number } }
  | { kind: 'none' };

/** fal's `image_size` enum and the pixels each stands for (fal model docs). */
export const FAL_SIZE_PRESETS: Record<FalSizePreset, [number, number]> = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
};

/** Within this log distance a preset's shape is as good as exact (16:10 ≈ 16:9 is not). */
const PRESET_TOLERANCE = 0.03;

export function parseRatio(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*[:x×]\s*(\d+(?:\.\d+)?)\s*$/i.exec(text);
  if (!match) return undefined;
  const ratio = Number(match[1]) / Number(match[2]);
  return Number.isFinite(ratio) && ratio > 0 ? ratio : undefined;
}

function nearest<T extends string>(items: readonly T[], ratioOf: (item: T) => number, target: number): T {
  let best = items[0]!;
  for (const item of items) {
    if (Math.abs(Math.log(ratioOf(item) / target)) < Math.abs(Math.log(ratioOf(best) / target))) best = item;
  }
  return best;
}

/** Dimensions on a `multiple` grid, about `megapixels`, no edge above `maxEdge`. */
export function freeSize(
  ratio: number,
  multiple: number,
  megapixels: number,
  maxEdge: number,
): { width: number; height: number } {
  let width = Math.sqrt(megapixels * 1_000_000 * ratio);
  let height = width / ratio;
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  width *= scale;
  height *= scale;
  const snap = (v: number) => Math.max(multiple, Math.round(v / multiple) * multiple);
  return { width: snap(width), height: snap(height) };
}

/** `ratio` is width / height; `exact` is the user's own `WxH`, honoured where the rule allows any size. */
export function sizeFor(rule: SizeRule, ratio: number, exact?: { width: number; height: number }): GenSize {
  switch (rule.kind) {
    case 'none':
      return { kind: 'none' };
    case 'sizes': {
      const picked = nearest(rule.sizes, (s) => parseRatio(s)!, ratio);
      const [width, height] = picked.split('x').map(Number) as [number, number];
      return { kind: 'size', width, height };
    }
    case 'aspect':
      return { kind: 'aspect', ratio: nearest(rule.ratios, (r) => parseRatio(r)!, ratio) };
    case 'fal': {
      const names = Object.keys(FAL_SIZE_PRESETS) as FalSizePreset[];
      const preset = nearest(names, (n) => FAL_SIZE_PRESETS[n][0] / FAL_SIZE_PRESETS[n][1], ratio);
      const [w, h] = FAL_SIZE_PRESETS[preset];
      if (!exact && Math.abs(Math.log(w / h / ratio)) <= PRESET_TOLERANCE) return { kind: 'fal', imageSize: preset };
      return { kind: 'fal', imageSize: exact ?? freeSize(ratio, 16, 1, 2048) };
    }
    case 'free':
      if (exact) {
        const snap = (v: number) =>
          Math.max(rule.multiple, Math.min(rule.maxEdge, Math.round(v / rule.multiple) * rule.multiple));
        return { kind: 'size', width: snap(exact.width), height: snap(exact.height) };
      }
      return { kind: 'size', ...freeSize(ratio, rule.multiple, rule.megapixels, rule.maxEdge) };
  }
}

/**
 * Lazy loading: pages put a placeholder in `src` and the real image in a data attribute until a
 * script swaps them. When the image shown is still a placeholder, the attribute is the truth.
 */
export const LAZY_ATTRIBUTES = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
];
export const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset'];

/** One srcset entry as written: its URL (unresolved) and its `w` or `x` descriptor. */
export interface SrcsetEntry {
  url: string;
  w?: number;
  x?: number;
}

/** "a.jpg 400w, b.jpg 2x" → its entries; a missing descriptor means 1x. */
export function parseSrcset(srcset: string): SrcsetEntry[] {
  const entries: SrcsetEntry[] = [];
  for (const part of srcset.split(/,\s+(?=\S)/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    if (!url) continue;
    const value = Number.parseFloat(descriptor);
    if (!(value > 0)) entries.push({ url });
    else entries.push(descriptor.endsWith('w') ? { url, w: value } : { url, x: value });
  }
  return entries;
}

/** The widest candidate of a srcset ("a.jpg 400w, b.jpg 1600w" → b.jpg; densities likewise). */
export function largestSrcsetCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number } | undefined;
  for (const entry of parseSrcset(srcset)) {
    const size = entry.w ?? (entry.x ?? 1) * 10_000;
    if (!best || size > best.size) best = { url: entry.url, size };
  }
  return best?.url;
}

/** A `src` that is only a stand-in: empty, a data: URI of a few bytes, or a 1×1 spacer. */
export function isPlaceholder(src: string, naturalWidth: number, naturalHeight: number): boolean {
  if (!src) return true;
  if (src.startsWith('data:') && src.length < 400) return true;
  return naturalWidth > 0 && naturalWidth <= 2 && naturalHeight <= 2;
}

/** The real image's URL from lazy-loading attributes, if there is one. */
export function lazySource(getAttribute: (name: string) => string | null): string | undefined {
  for (const name of LAZY_SRCSET_ATTRIBUTES) {
    const value = getAttribute(name);
    const url = value ? largestSrcsetCandidate(value) : undefined;
    if (url) return url;
  }
  for (const name of LAZY_ATTRIBUTES) {
    const value = getAttribute(name)?.trim();
    if (value && !value.startsWith('{')) return value;
  }
  return undefined;
}

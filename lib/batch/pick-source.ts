/**
 * Which file to download for a batch image: the smallest rendition that still covers what the
 * provider will use (fit-size.ts), so a gallery does not pull 40 MB originals to send 100 KB.
 */
import { DEFAULT_LIMITS, fitSize, type FitLimits, type Size } from '../image/fit-size';
import type { BatchCandidate, SrcsetCandidate } from './found-image';
import { normalizeUrl } from './same-picture';

/** Types a worker can decode everywhere we run; AVIF and others are taken only as what the page shows. */
const DECODABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

export interface PickedSource {
  url: string;
  /** The rendition's estimated pixel size, when its descriptors or the page told us. */
  size?: Size;
  /** True when it is the URL the page shows (no better rendition known). */
  displayed: boolean;
}

export interface PickOptions {
  limits?: FitLimits;
  /** `<picture>` source types the caller can decode; default JPEG, PNG, WebP, GIF. */
  canDecode?: (mime: string) => boolean;
}

export type PickableCandidate = Pick<BatchCandidate, 'kind' | 'url' | 'displayed' | 'natural' | 'srcset' | 'sources'>;

/** The picture's aspect ratio (width / height), from its pixels if known, else its layout. */
function aspectOf(candidate: PickableCandidate): number | undefined {
  for (const size of [candidate.natural, candidate.displayed])
    if (size && size.width > 0 && size.height > 0) return size.width / size.height;
  return undefined;
}

/** A rendition's width in pixels: its `w`, or its `x` times the layout width. */
function widthOf(c: SrcsetCandidate, displayedWidth: number): number | undefined {
  if (c.w && c.w > 0) return c.w;
  if (c.x && c.x > 0 && displayedWidth > 0) return Math.round(c.x * displayedWidth);
  return undefined;
}

function usableRenditions(candidate: PickableCandidate, canDecode: (mime: string) => boolean): SrcsetCandidate[] {
  const fromSources = candidate.sources
    // A source for another media query may be another crop (art direction): not the picture the user saw.
    .filter((source) => !source.media || source.mediaMatches === true)
    .filter((source) => !source.type || canDecode(source.type))
    .flatMap((source) => source.candidates);
  return [...candidate.srcset, ...fromSources].filter((c) => /^https?:/i.test(c.url));
}

/**
 * The rendition to download, or undefined for images only the page can read (canvas, video,
 * inline SVG). Unknown sizes fall back to the URL the page shows.
 */
export function pickSource(candidate: PickableCandidate, options: PickOptions = {}): PickedSource | undefined {
  if (!candidate.url || candidate.kind !== 'url') return undefined;
  const shown: PickedSource = {
    url: candidate.url,
    displayed: true,
    ...(candidate.natural ? { size: candidate.natural } : {}),
  };
  const aspect = aspectOf(candidate);
  if (!aspect) return shown;
  const sized = usableRenditions(candidate, options.canDecode ?? ((mime) => DECODABLE.has(mime.toLowerCase())))
    .map((c) => ({ url: c.url, width: widthOf(c, candidate.displayed.width) }))
    .filter((c): c is { url: string; width: number } => c.width !== undefined)
    .sort((a, b) => a.width - b.width);
  if (sized.length === 0) return shown;
  const largest = sized[sized.length - 1]!;
  const sizeOf = (width: number): Size => ({ width, height: Math.max(1, Math.round(width / aspect)) });
  // What the provider would use of the best file on offer; any rendition at least this wide gives the same.
  const needed = fitSize(sizeOf(largest.width), options.limits ?? DEFAULT_LIMITS);
  const pick = sized.find((c) => c.width >= needed.width) ?? largest;
  return { url: pick.url, size: sizeOf(pick.width), displayed: pick.url === normalizeUrl(candidate.url) };
}

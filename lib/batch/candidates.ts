/**
 * The images a page shows → the list the Batch page offers: duplicates merged, tiny images
 * (spacers, tracking pixels, icons) left out, at most 500, each with a name for its checkbox.
 */
import type { Size } from '../image/fit-size';
import type { BatchCandidate, FoundImage, SrcsetCandidate } from './found-image';
import { normalizeUrl, pictureKeys } from './same-picture';

export const DEFAULT_MIN_SHORT_SIDE = 128;
export const MAX_BATCH_IMAGES = 500;

export interface CandidateOptions {
  /** Images whose largest known size has a shorter short side are left out. */
  minShortSide?: number;
  max?: number;
  /** The name of an image with neither alt text nor file name; `index` counts from 1 in page order. */
  fallbackName?: (index: number) => string;
}

export interface CandidateList {
  /** In page order, at most `max`. */
  candidates: BatchCandidate[];
  /** How many distinct images passed the size filter: "N found, showing 500". */
  total: number;
  /** How many distinct images the size filter left out. */
  tooSmall: number;
}

/** Groups found images that share a picture key (union–find over the keys). */
function groupSamePictures(found: readonly FoundImage[]): FoundImage[][] {
  const parent = found.map((_, i) => i);
  const root = (i: number): number => {
    if (parent[i] === i) return i;
    const top = root(parent[i]!);
    parent[i] = top;
    return top;
  };
  const owner = new Map<string, number>();
  found.forEach((image, i) => {
    for (const key of pictureKeys(image)) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[root(i)] = root(other);
    }
  });
  // A group enters the map at its first member, so the map's order is page order.
  const groups = new Map<number, FoundImage[]>();
  found.forEach((image, i) => {
    const group = groups.get(root(i));
    if (group) group.push(image);
    else groups.set(root(i), [image]);
  });
  return [...groups.values()];
}

const area = (size: Size | undefined) => (size ? size.width * size.height : 0);
const larger = (a: Size | undefined, b: Size | undefined) => (area(b) > area(a) ? b : a);
const shortSide = (size: Size | undefined) => (size ? Math.min(size.width, size.height) : 0);

/** A file name from a URL's last path segment, decoded, or undefined for data:/blob: and bare paths. */
export function fileNameOf(url: string | undefined): string | undefined {
  const path = url && /^https?:\/\/[^/?#]*(\/[^?#]*)/i.exec(url)?.[1];
  const last = path?.split('/').filter(Boolean).pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // a stray % in the path: the raw name is still a name
  }
}

function nameOf(group: FoundImage[]): string | undefined {
  const alt = group.map((image) => image.alt?.replace(/\s+/g, ' ').trim()).find(Boolean);
  return alt || group.map((image) => image.fileName?.trim() || fileNameOf(image.url)).find(Boolean);
}

/** Every rendition the members offer; a member's own URL counts with its natural width. */
function renditions(group: FoundImage[]): SrcsetCandidate[] {
  const seen = new Map<string, SrcsetCandidate>();
  const add = (c: SrcsetCandidate) => {
    const url = normalizeUrl(c.url);
    const known = seen.get(url);
    if (!known || (!known.w && c.w)) seen.set(url, { ...c, url });
  };
  for (const image of group) {
    image.srcset?.forEach(add);
    if (image.url && image.kind === 'url')
      add(image.natural ? { url: image.url, w: image.natural.width } : { url: image.url });
  }
  return [...seen.values()];
}

function merge(group: FoundImage[], index: number, options: CandidateOptions): BatchCandidate {
  const first = group[0]!;
  const natural = group.map((image) => image.natural).reduce(larger, undefined);
  const thumbnail = group.find((image) => image.thumbnail)?.thumbnail;
  return {
    id: first.url ? normalizeUrl(first.url) : `frame-${first.frameId}:${first.elementRef ?? index}`,
    kind: first.kind,
    ...(first.url ? { url: first.url } : {}),
    displayed: group.map((image) => image.displayed).reduce((a, b) => larger(a, b)!),
    ...(natural ? { natural } : {}),
    srcset: renditions(group),
    sources: group.flatMap((image) => image.sources ?? []),
    name: nameOf(group) ?? options.fallbackName?.(index) ?? `Image ${index}`,
    frameId: first.frameId,
    ...(first.elementRef ? { elementRef: first.elementRef } : {}),
    count: group.length,
    ...(thumbnail ? { thumbnail } : {}),
  };
}

/** The largest size known for the picture: what decides whether it is an icon. */
export function largestKnownSize(candidate: Pick<BatchCandidate, 'displayed' | 'natural'>): Size {
  return larger(candidate.displayed, candidate.natural)!;
}

/** Merges duplicates, drops tiny images, keeps page order, caps the list. */
export function collectCandidates(found: readonly FoundImage[], options: CandidateOptions = {}): CandidateList {
  const min = options.minShortSide ?? DEFAULT_MIN_SHORT_SIDE;
  const max = options.max ?? MAX_BATCH_IMAGES;
  const merged = groupSamePictures(found).map((group, i) => merge(group, i + 1, options));
  const kept = merged.filter((candidate) => shortSide(largestKnownSize(candidate)) >= min);
  return { candidates: kept.slice(0, max), total: kept.length, tooSmall: merged.length - kept.length };
}

/**
 * When two found images are the same picture. Conservative on purpose: merging two different
 * images hides one from the user, while a duplicate left in only costs one extra prompt.
 */
import type { FoundImage } from './found-image';

/** Query parameters that CDNs and image services use to ask for another size or encoding of one picture. */
const SIZE_PARAMS = new Set([
  'w',
  'h',
  'width',
  'height',
  'dpr',
  'q',
  'quality',
  'resize',
  'fit',
  'auto',
  'fm',
  'format',
]);

/** WordPress-style `-300x200` and retina `@2x` before the extension. */
const SIZE_SUFFIX = /(?:-\d{2,5}x\d{2,5}|@[1-4]x)(?=\.[a-z0-9]{2,5}$)/i;

/**
 * The URL without its fragment: `a.jpg#x` and `a.jpg` are one file. URLs come from the page
 * already resolved by the browser (`currentSrc`, `img.src`), hence canonical: no parsing needed.
 */
export function normalizeUrl(url: string): string {
  if (url.startsWith('data:')) return url;
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

const paramName = (pair: string) => pair.split('=')[0]!.toLowerCase();

/**
 * The URL with size-ish query parameters and a size suffix taken off, or undefined when there
 * is none (the plain URL already says everything) or it is not an http(s) URL. String work
 * rather than URL.searchParams: this runs for every image of a 2,000-image page, and Node's
 * URLSearchParams made it 0.15 ms a call.
 */
export function sizeVariantStem(url: string): string | undefined {
  if (!/^https?:/i.test(url)) return undefined;
  const noHash = url.split('#')[0]!;
  const q = noHash.indexOf('?');
  const path = q < 0 ? noHash : noHash.slice(0, q);
  const pairs =
    q < 0
      ? []
      : noHash
          .slice(q + 1)
          .split('&')
          .filter(Boolean);
  const kept = pairs.filter((pair) => !SIZE_PARAMS.has(paramName(pair)));
  const stemPath = path.replace(SIZE_SUFFIX, '');
  if (stemPath === path && kept.length === pairs.length) return undefined;
  return normalizeUrl(kept.length ? `${stemPath}?${kept.join('&')}` : stemPath);
}

const isRemote = (url: string) => /^https?:/i.test(url);

/**
 * Keys under which a found image is filed; two images sharing any key are the same picture.
 * Page-only images (canvas, video, svg) are the same only as the same element.
 */
export function pictureKeys(image: FoundImage): string[] {
  if (!image.url) return image.elementRef ? [`el:${image.frameId}:${image.elementRef}`] : [];
  const keys = [`url:${normalizeUrl(image.url)}`];
  const stem = sizeVariantStem(image.url);
  // In the same namespace as plain URLs, so `a-300x200.jpg` meets `a.jpg` as well as `a-1024x683.jpg`.
  if (stem) keys.push(`url:${stem}`);
  // A srcset lists renditions of one picture; the same list twice is the same picture. data: and
  // blob: placeholders are left out: lazy loaders put one spacer into every image's srcset.
  const set = [...new Set((image.srcset ?? []).map((c) => normalizeUrl(c.url)).filter(isRemote))].sort();
  if (set.length >= 2) keys.push(`set:${set.join(' ')}`);
  return keys;
}

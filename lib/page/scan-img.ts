/**
 * What the page scan (Batch page) reports for one `<img>`: the shown address (a lazy placeholder's
 * real source), its srcset and `<picture>` sources made absolute, the file's size and alt text.
 * Reads no pixels. The `<img>` entry of image-kinds.ts calls it.
 */
import type { FoundImage, PictureSource, SrcsetCandidate } from '../batch/found-image';
import type { Size } from '../image/fit-size';
import { absoluteUrl } from './absolute-url';
import { isPlaceholder, LAZY_SRCSET_ATTRIBUTES, lazySource, parseSrcset } from './lazy-source';
import type { View } from './page-view';

export const sizeOf = (width: number, height: number): Size => ({
  width: Math.round(width),
  height: Math.round(height),
});
export const kindOfUrl = (url: string) => (url.startsWith('blob:') ? 'blob' : 'url') as 'blob' | 'url';

function srcsetOf(value: string | null, base: string): SrcsetCandidate[] {
  if (!value) return [];
  return parseSrcset(value).flatMap(({ url, ...descriptor }) => {
    const href = absoluteUrl(url, base);
    return href ? [{ url: href, ...descriptor }] : [];
  });
}

function pictureSources(img: HTMLImageElement, view: View, base: string): PictureSource[] {
  const picture = img.parentElement;
  if (!(picture instanceof view.HTMLPictureElement)) return [];
  return [...picture.querySelectorAll(':scope > source')].flatMap((source) => {
    const candidates = srcsetOf(source.getAttribute('srcset') ?? source.getAttribute('data-srcset'), base);
    if (!candidates.length) return [];
    const type = source.getAttribute('type') ?? undefined;
    const media = source.getAttribute('media') ?? undefined;
    return [
      {
        candidates,
        ...(type ? { type } : {}),
        ...(media ? { media, mediaMatches: view.matchMedia(media).matches } : {}),
      },
    ];
  });
}

/**
 * The shown file's pixel size. A srcset candidate's naturalWidth is divided by its density
 * (a 800w file in a 400px slot says 400), so its `w` is the truth when it has one.
 */
function fileSize(img: HTMLImageElement, url: string, srcset: SrcsetCandidate[]): Size {
  const w = srcset.find((candidate) => candidate.url === url)?.w;
  if (!w) return sizeOf(img.naturalWidth, img.naturalHeight);
  return sizeOf(w, (w * img.naturalHeight) / img.naturalWidth);
}

export function scanImg(img: HTMLImageElement, view: View, displayed: Size): FoundImage[] {
  const base = img.ownerDocument.baseURI;
  const shown = img.currentSrc || img.src;
  const placeholder = isPlaceholder(shown, img.naturalWidth, img.naturalHeight);
  const raw = placeholder ? (lazySource((name) => img.getAttribute(name)) ?? shown) : shown;
  const url = raw ? absoluteUrl(raw, base) : undefined;
  if (!url) return [];
  const lazySet = LAZY_SRCSET_ATTRIBUTES.map((name) => img.getAttribute(name)).find(Boolean) ?? null;
  const srcset = srcsetOf(placeholder ? lazySet : img.getAttribute('srcset'), base);
  const sources = pictureSources(img, view, base);
  const alt = img.alt.replace(/\s+/g, ' ').trim().slice(0, 300);
  return [
    {
      kind: kindOfUrl(url),
      url,
      displayed,
      ...(!placeholder && img.naturalWidth > 2 ? { natural: fileSize(img, url, srcset) } : {}),
      ...(srcset.length ? { srcset } : {}),
      ...(sources.length ? { sources } : {}),
      ...(alt ? { alt } : {}),
      frameId: 0,
    },
  ];
}

/**
 * "All images on this page…": every image a document shows, as FoundImage data for the Batch
 * page. The same kinds and rules as a right-click (image-kinds.ts), walked over the whole
 * document and its open shadow roots instead of the stack under the pointer. Runs in the content
 * script, only when asked: nothing here observes the page. Reads no pixels but a small thumbnail
 * of the kinds a tab cannot show by address (canvas, video, inline SVG, blob:).
 */
import type { FoundImage, PictureSource, SrcsetCandidate } from '../batch/found-image';
import { backgroundUrls, isIcon, PSEUDOS, type View } from './image-kinds';
import { isPlaceholder, LAZY_SRCSET_ATTRIBUTES, lazySource, parseSrcset } from './lazy-source';
import { elementRefOf } from './scanned-elements';
import { thumbnailOf } from './scan-thumbnail';

/** Open shadow roots nest; a page that nests deeper than this is not showing pictures there. */
const MAX_SHADOW_DEPTH = 8;

const absolute = (url: string, base: string) => {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
};

function srcsetOf(value: string | null, base: string): SrcsetCandidate[] {
  if (!value) return [];
  return parseSrcset(value).flatMap(({ url, ...descriptor }) => {
    const href = absolute(url, base);
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

const sizeOf = (width: number, height: number) => ({ width: Math.round(width), height: Math.round(height) });
const kindOfUrl = (url: string) => (url.startsWith('blob:') ? 'blob' : 'url') as 'blob' | 'url';

function fromImg(img: HTMLImageElement, view: View, displayed: FoundImage['displayed']): FoundImage | undefined {
  const base = img.ownerDocument.baseURI;
  const shown = img.currentSrc || img.src;
  const placeholder = isPlaceholder(shown, img.naturalWidth, img.naturalHeight);
  const raw = placeholder ? (lazySource((name) => img.getAttribute(name)) ?? shown) : shown;
  const url = raw ? absolute(raw, base) : undefined;
  if (!url) return undefined;
  const lazySet = LAZY_SRCSET_ATTRIBUTES.map((name) => img.getAttribute(name)).find(Boolean) ?? null;
  const srcset = srcsetOf(placeholder ? lazySet : img.getAttribute('srcset'), base);
  const sources = pictureSources(img, view, base);
  const alt = img.alt.replace(/\s+/g, ' ').trim().slice(0, 300);
  return {
    kind: kindOfUrl(url),
    url,
    displayed,
    ...(!placeholder && img.naturalWidth > 2 ? { natural: fileSize(img, url, srcset) } : {}),
    ...(srcset.length ? { srcset } : {}),
    ...(sources.length ? { sources } : {}),
    ...(alt ? { alt } : {}),
    frameId: 0,
  };
}

/**
 * The shown file's pixel size. A srcset candidate's naturalWidth is divided by its density
 * (a 800w file in a 400px slot says 400), so its `w` is the truth when it has one.
 */
function fileSize(img: HTMLImageElement, url: string, srcset: SrcsetCandidate[]): FoundImage['displayed'] {
  const w = srcset.find((candidate) => candidate.url === url)?.w;
  if (!w) return sizeOf(img.naturalWidth, img.naturalHeight);
  return sizeOf(w, (w * img.naturalHeight) / img.naturalWidth);
}

/** The image(s) one element shows, by the first kind of the table that fits it. */
function imagesOf(element: Element, view: View): FoundImage[] {
  const box = element.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return [];
  const displayed = sizeOf(box.width, box.height);
  if (element instanceof view.HTMLImageElement) {
    const found = fromImg(element, view, displayed);
    return found ? [found] : [];
  }
  if (element instanceof view.HTMLPictureElement) return []; // its <img> answers
  if (element instanceof view.SVGSVGElement)
    return element.ownerSVGElement || isIcon(element) ? [] : [{ kind: 'svg', displayed, frameId: 0 }];
  if (element instanceof view.SVGElement) return [];
  if (element instanceof view.HTMLCanvasElement)
    return element.width > 0 && element.height > 0
      ? [{ kind: 'canvas', displayed, natural: sizeOf(element.width, element.height), frameId: 0 }]
      : [];
  if (element instanceof view.HTMLVideoElement)
    return element.videoWidth > 0
      ? [{ kind: 'video', displayed, natural: sizeOf(element.videoWidth, element.videoHeight), frameId: 0 }]
      : [];
  // The page's own background is decoration, as for a right-click.
  if (element === element.ownerDocument.documentElement || element === element.ownerDocument.body) return [];
  const base = element.ownerDocument.baseURI;
  const urls = PSEUDOS.flatMap((pseudo) => backgroundUrls(element, pseudo, view)).map((raw) => absolute(raw, base));
  return [...new Set(urls)]
    .filter((url): url is string => Boolean(url))
    .map((url) => ({ kind: kindOfUrl(url), url, displayed, frameId: 0 }));
}

/** Every element of the document, page order, with the insides of open shadow roots. */
function* allElements(root: Document | ShadowRoot, depth = 0): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot && depth < MAX_SHADOW_DEPTH) yield* allElements(element.shadowRoot, depth + 1);
  }
}

const hidden = (element: Element, view: View) => view.getComputedStyle(element).visibility === 'hidden';

/** The images this document shows; `frameId` is left 0 for the worker to fill in. */
export async function scanPage(doc: Document = document): Promise<FoundImage[]> {
  const view = doc.defaultView as View | null;
  if (!view) return [];
  const found: FoundImage[] = [];
  for (const element of allElements(doc)) {
    const images = imagesOf(element, view);
    if (!images.length || hidden(element, view)) continue;
    for (const image of images) {
      if (image.kind === 'url') {
        found.push(image);
        continue;
      }
      // Only the page can read these: the worker asks for them again by this name.
      const thumbnail = await thumbnailOf(element, view).catch(() => undefined);
      found.push({ ...image, elementRef: elementRefOf(element), ...(thumbnail ? { thumbnail } : {}) });
    }
  }
  return found;
}

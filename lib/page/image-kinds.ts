/**
 * Every kind of thing on a page that can show a picture, in ONE table: how to recognise it,
 * whether it shows an image right now (cheap and synchronous: asked as the pointer moves, so it
 * only looks, never reads pixels), how to read it at the right-click (may read pixels; throws
 * when they are unreadable, e.g. a tainted canvas), and what the Batch page's scan of the whole
 * page lists for it (reads no pixels). The first kind that recognises an element decides for it.
 * To support a new kind: one entry here, and its case in image-kinds.test.ts.
 * Runs in the content script.
 */
import type { FoundImage } from '../batch/found-image';
import type { Size } from '../image/fit-size';
import type { ImageTarget } from '../messaging';
import { absoluteUrl } from './absolute-url';
import { cssImageUrls } from './css-image';
import { isPlaceholder, lazySource } from './lazy-source';
import { canvasPixels, rasterizeInlineSvg, readBlobUrl, videoFrame } from './page-pixels';
import type { View } from './page-view';
import { kindOfUrl, scanImg, sizeOf } from './scan-img';

/** `shown: false`: the page itself failed to display it (broken image), so a screen capture would show nothing. */
export type Found = Omit<ImageTarget, 'rect' | 'dpr'> & { shown?: boolean };

export interface ImageKind {
  name: string;
  recognises(element: Element, view: View): boolean;
  shows(element: Element, view: View): boolean;
  read(element: Element, view: View): Promise<Found | null>;
  /** The images the page scan lists for it; `displayed` is its size on screen. */
  scan(element: Element, view: View, displayed: Size): FoundImage[];
}

async function fromUrl(
  url: string | undefined,
  base: string,
  size?: { width: number; height: number },
): Promise<Found | null> {
  const href = url ? absoluteUrl(url, base) : undefined;
  if (!href) return null;
  if (href.startsWith('blob:')) return { dataUrl: await readBlobUrl(href), ...size };
  return { url: href, ...size };
}

export const PSEUDOS = [undefined, '::before', '::after'] as const;

/** The element's CSS image URLs (background layers, and a pseudo-element's `content: url()`), topmost first. */
export function backgroundUrls(element: Element, pseudo: (typeof PSEUDOS)[number], view: View): string[] {
  const style = view.getComputedStyle(element, pseudo);
  const urls = cssImageUrls(style.backgroundImage, view.devicePixelRatio);
  if (pseudo) urls.push(...cssImageUrls(style.content.startsWith('url(') ? style.content : '', view.devicePixelRatio));
  return urls;
}

/** Tiny SVGs are icons (a play button on a video, a heart on a photo), not the picture. */
export const isIcon = (svg: SVGSVGElement) => svg.getBoundingClientRect().width < 48;
const svgRoot = (element: Element, view: View) =>
  element instanceof view.SVGSVGElement ? element : (element as SVGElement).ownerSVGElement;
const innerImg = (element: Element) => element.querySelector('img');
const shownSrc = (img: HTMLImageElement) => img.currentSrc || img.src;

const img: ImageKind = {
  name: '<img> (srcset/<picture> currentSrc, lazy data-* sources)',
  recognises: (element, view) => element instanceof view.HTMLImageElement,
  shows(element) {
    const image = element as HTMLImageElement;
    if (isPlaceholder(shownSrc(image), image.naturalWidth, image.naturalHeight))
      return Boolean(lazySource((name) => image.getAttribute(name)));
    return !(image.complete && image.naturalWidth === 0);
  },
  async read(element) {
    const image = element as HTMLImageElement;
    const base = image.ownerDocument.baseURI;
    const shown = shownSrc(image);
    const size = image.naturalWidth > 2 ? { width: image.naturalWidth, height: image.naturalHeight } : undefined;
    // The page's own alt text, shown beside an alt-text result for comparison.
    const alt = image.alt.trim().slice(0, 1000);
    const withAlt = (found: Found | null) => (found && alt ? { ...found, alt } : found);
    if (isPlaceholder(shown, image.naturalWidth, image.naturalHeight)) {
      return withAlt(
        (await fromUrl(
          lazySource((name) => image.getAttribute(name)),
          base,
        )) ?? (shown ? await fromUrl(shown, base, size) : null),
      );
    }
    const found = withAlt(await fromUrl(shown, base, size));
    return found && (image.complete && image.naturalWidth === 0 ? { ...found, shown: false } : found);
  },
  scan: (element, view, displayed) => scanImg(element as HTMLImageElement, view, displayed),
};

export const IMAGE_KINDS: readonly ImageKind[] = [
  {
    name: '<picture>: its <img>',
    recognises: (element, view) => element instanceof view.HTMLPictureElement,
    shows: (element, view) => Boolean(innerImg(element) && img.shows(innerImg(element)!, view)),
    read: async (element, view) => (innerImg(element) ? img.read(innerImg(element)!, view) : null),
    scan: () => [], // its <img> is listed on its own
  },
  img,
  {
    name: 'inline <svg> (drawn here: a service worker cannot render SVG)',
    recognises: (element, view) => element instanceof view.SVGElement,
    shows: (element, view) => Boolean(svgRoot(element, view) && !isIcon(svgRoot(element, view)!)),
    async read(element, view) {
      const svg = svgRoot(element, view);
      return svg && !isIcon(svg) ? { dataUrl: await rasterizeInlineSvg(svg) } : null;
    },
    // Once per picture: from its outermost <svg>, not from each shape inside it.
    scan: (element, view, displayed) =>
      element instanceof view.SVGSVGElement && !element.ownerSVGElement && !isIcon(element)
        ? [{ kind: 'svg', displayed, frameId: 0 }]
        : [],
  },
  {
    name: '<canvas>',
    recognises: (element, view) => element instanceof view.HTMLCanvasElement,
    shows: (element) => (element as HTMLCanvasElement).width > 0 && (element as HTMLCanvasElement).height > 0,
    async read(element) {
      const canvas = element as HTMLCanvasElement;
      return { dataUrl: canvasPixels(canvas), width: canvas.width, height: canvas.height };
    },
    scan(element, _view, displayed) {
      const canvas = element as HTMLCanvasElement;
      return canvas.width > 0 && canvas.height > 0
        ? [{ kind: 'canvas', displayed, natural: sizeOf(canvas.width, canvas.height), frameId: 0 }]
        : [];
    },
  },
  {
    name: '<video>: its current frame',
    recognises: (element, view) => element instanceof view.HTMLVideoElement,
    shows: (element) => (element as HTMLVideoElement).videoWidth > 0,
    async read(element) {
      const video = element as HTMLVideoElement;
      return video.videoWidth > 0
        ? { dataUrl: videoFrame(video), width: video.videoWidth, height: video.videoHeight }
        : null;
    },
    scan(element, _view, displayed) {
      const video = element as HTMLVideoElement;
      return video.videoWidth > 0
        ? [{ kind: 'video', displayed, natural: sizeOf(video.videoWidth, video.videoHeight), frameId: 0 }]
        : [];
    },
  },
  {
    name: 'the page’s own background (<html>, <body>): decoration, not a picture',
    recognises: (element) =>
      element === element.ownerDocument.documentElement || element === element.ownerDocument.body,
    shows: () => false,
    read: async () => null,
    scan: () => [],
  },
  {
    name: 'CSS background-image (image-set, gradients skipped) of the element, ::before or ::after',
    recognises: () => true,
    shows: (element, view) => PSEUDOS.some((pseudo) => backgroundUrls(element, pseudo, view).length > 0),
    async read(element, view) {
      for (const pseudo of PSEUDOS) {
        const [url] = backgroundUrls(element, pseudo, view);
        if (url) return fromUrl(url, element.ownerDocument.baseURI);
      }
      return null;
    },
    // Every layer of the element and its pseudo-elements, once each.
    scan(element, view, displayed) {
      const base = element.ownerDocument.baseURI;
      const urls = PSEUDOS.flatMap((pseudo) => backgroundUrls(element, pseudo, view));
      return [...new Set(urls.map((raw) => absoluteUrl(raw, base)))]
        .filter((url): url is string => Boolean(url))
        .map((url) => ({ kind: kindOfUrl(url), url, displayed, frameId: 0 }));
    },
  },
];

function kindOf(element: Element): { kind: ImageKind; view: View } | undefined {
  const view = element.ownerDocument.defaultView as View | null;
  const kind = view ? IMAGE_KINDS.find((candidate) => candidate.recognises(element, view)) : undefined;
  return kind && view ? { kind, view } : undefined;
}

/** Shows an image a person would call a picture. */
export function showsImage(element: Element): boolean {
  const found = kindOf(element);
  return found ? found.kind.shows(element, found.view) : false;
}

/** The image an element shows, or null. Throws when its pixels are unreadable (tainted). */
export function imageOf(element: Element): Promise<Found | null> {
  const found = kindOf(element);
  return found ? found.kind.read(element, found.view) : Promise.resolve(null);
}

/** What the page scan lists for an element shown at `displayed` size (no pixels read). */
export function scanOf(element: Element, displayed: Size): FoundImage[] {
  const found = kindOf(element);
  return found ? found.kind.scan(element, found.view, displayed) : [];
}

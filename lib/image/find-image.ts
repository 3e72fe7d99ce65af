/**
 * Which image the person right-clicked, in the page (content script): the topmost thing under
 * the pointer that shows an image — `<img>` (its lazy-loaded source if it still shows a
 * placeholder), `<picture>`, inline `<svg>`, `<canvas>`, a `<video>` frame, or a CSS background
 * of the element or its ::before/::after — looking into open shadow roots.
 */
import type { ImageTarget } from '../messaging';
import { cssImageUrls } from './css-image';
import { isPlaceholder, lazySource } from './lazy-source';
import { canvasPixels, rasterizeInlineSvg, readBlobUrl, videoFrame } from './page-pixels';

/** `shown: false`: the page itself failed to display it (broken image), so a screen capture would show nothing. */
type Found = Omit<ImageTarget, 'rect' | 'dpr'> & { shown?: boolean };

const absolute = (url: string, base: string) => {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
};

/** Everything under the point, topmost first, with the insides of open shadow roots. */
export function elementsAt(root: Document | ShadowRoot, x: number, y: number, depth = 0): Element[] {
  const out: Element[] = [];
  for (const element of root.elementsFromPoint(x, y)) {
    if (element.shadowRoot && element.shadowRoot !== root && depth < 8) {
      out.push(...elementsAt(element.shadowRoot, x, y, depth + 1).filter((e) => e !== element));
    }
    if (!out.includes(element)) out.push(element);
  }
  return out;
}

async function fromUrl(url: string | undefined, base: string, size?: { width: number; height: number }): Promise<Found | null> {
  const href = url ? absolute(url, base) : undefined;
  if (!href) return null;
  if (href.startsWith('blob:')) return { dataUrl: await readBlobUrl(href), ...size };
  return { url: href, ...size };
}

export function backgroundUrls(element: Element, pseudo?: '::before' | '::after'): string[] {
  const style = getComputedStyle(element, pseudo);
  const urls = cssImageUrls(style.backgroundImage, devicePixelRatio);
  if (pseudo) urls.push(...cssImageUrls(style.content.startsWith('url(') ? style.content : '', devicePixelRatio));
  return urls;
}

/** Tiny SVGs are icons (a play button on a video, a heart on a photo), not the picture. */
export const isIcon = (svg: SVGSVGElement) => svg.getBoundingClientRect().width < 48;

/** The image an element shows, or null. Throws when its pixels are unreadable (tainted). */
export async function imageOf(element: Element): Promise<Found | null> {
  const view = element.ownerDocument.defaultView;
  if (!view) return null;
  const base = element.ownerDocument.baseURI;
  if (element instanceof view.HTMLPictureElement) {
    const img = element.querySelector('img');
    return img ? imageOf(img) : null;
  }
  if (element instanceof view.HTMLImageElement) {
    const shown = element.currentSrc || element.src;
    const size = element.naturalWidth > 2 ? { width: element.naturalWidth, height: element.naturalHeight } : undefined;
    const alt = element.alt.trim().slice(0, 1000);
    const withAlt = (found: Found | null) => (found && alt ? { ...found, alt } : found);
    if (isPlaceholder(shown, element.naturalWidth, element.naturalHeight)) {
      return withAlt((await fromUrl(lazySource((name) => element.getAttribute(name)), base)) ?? (shown ? await fromUrl(shown, base, size) : null));
    }
    const found = withAlt(await fromUrl(shown, base, size));
    return found && (element.complete && element.naturalWidth === 0 ? { ...found, shown: false } : found);
  }
  if (element instanceof view.SVGElement) {
    const svg = element instanceof view.SVGSVGElement ? element : element.ownerSVGElement;
    if (svg && !isIcon(svg)) return { dataUrl: await rasterizeInlineSvg(svg) };
    return null;
  }
  if (element instanceof view.HTMLCanvasElement) return { dataUrl: canvasPixels(element), width: element.width, height: element.height };
  if (element instanceof view.HTMLVideoElement && element.videoWidth > 0) {
    return { dataUrl: videoFrame(element), width: element.videoWidth, height: element.videoHeight };
  }
  if (element === element.ownerDocument.documentElement || element === element.ownerDocument.body) return null;
  for (const pseudo of [undefined, '::before', '::after'] as const) {
    const [url] = backgroundUrls(element, pseudo);
    if (url) return fromUrl(url, base);
  }
  return null;
}

export interface Resolution {
  target: ImageTarget | null;
  /** Pixels were there but unreadable (a tainted canvas or video): capture the screen instead. */
  unreadable?: ImageTarget;
}

/** The topmost image among the elements, with its box for a screen capture if all else fails. */
export async function findImage(elements: Element[]): Promise<Resolution> {
  let unreadable: ImageTarget | undefined;
  for (const element of elements) {
    const box = element.getBoundingClientRect();
    const where = { rect: { x: box.x, y: box.y, width: box.width, height: box.height }, dpr: devicePixelRatio };
    try {
      const found = await imageOf(element);
      if (found) {
        const { shown, ...target } = found;
        return { target: shown === false ? target : { ...target, ...where } };
      }
    } catch {
      unreadable ??= where;
    }
  }
  return { target: null, unreadable };
}

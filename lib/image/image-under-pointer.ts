/**
 * Whether PromptLens's page entry (the one for images the browser does not treat as images)
 * should show for what is under the pointer. Cheap and synchronous: it runs as the pointer moves,
 * so it only looks, never reads pixels. Runs in the content script.
 */
import { backgroundUrls, isIcon } from './find-image';
import { isPlaceholder, lazySource } from './lazy-source';

/** An image address as Chromium's hit test reads it (HitTestResult::AbsoluteImageURL). */
function hasImageUrl(element: Element, view: Window & typeof globalThis): boolean {
  if (element instanceof view.HTMLImageElement) return Boolean(element.currentSrc || element.getAttribute('src'));
  if (element instanceof view.HTMLInputElement) return element.type === 'image' && Boolean(element.getAttribute('src'));
  if (element instanceof view.SVGImageElement) return Boolean(element.href.baseVal);
  return false;
}

/** An opaque background stops Chromium looking for an image further down. */
function isOpaque(element: Element, view: Window & typeof globalThis): boolean {
  const color = view.getComputedStyle(element).backgroundColor;
  return /^rgb\(/.test(color) || /^rgba\(.*,\s*1\)$/.test(color);
}

/**
 * Whether Chromium's own menu treats this right-click as one on an image or a video (so the
 * always-present PromptLens entry shows there), following ContextMenuController: a media element
 * on top is a video; otherwise the first <img> (or canvas) down the stack, unless something above
 * it is opaque or has a contextmenu listener (then the menu is the page's). `stack`: everything
 * under the pointer, topmost first. `listensForContextMenu`: the element or an ancestor has a
 * page contextmenu listener.
 */
export function browserSeesImage(stack: Element[], listensForContextMenu: (element: Element) => boolean): boolean {
  const top = stack[0];
  const view = top?.ownerDocument.defaultView;
  if (!top || !view) return false;
  if (top instanceof view.HTMLMediaElement && (top.currentSrc || top.srcObject)) return true;
  let blocked = false;
  for (const element of stack) {
    // On the image itself too: only the topmost image ignores listeners.
    if (listensForContextMenu(element)) blocked = true;
    if (element instanceof view.HTMLCanvasElement) return false;
    if (hasImageUrl(element, view)) return element === top || !blocked;
    if (isOpaque(element, view)) blocked = true;
  }
  return false;
}

/** Shows an image a person would call a picture (the same kinds findImage resolves). */
export function showsImage(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  if (element instanceof view.HTMLPictureElement) {
    const img = element.querySelector('img');
    return img ? showsImage(img) : false;
  }
  if (element instanceof view.HTMLImageElement) {
    const shown = element.currentSrc || element.src;
    if (isPlaceholder(shown, element.naturalWidth, element.naturalHeight)) return Boolean(lazySource((name) => element.getAttribute(name)));
    return !(element.complete && element.naturalWidth === 0);
  }
  if (element instanceof view.SVGElement) {
    const svg = element instanceof view.SVGSVGElement ? element : element.ownerSVGElement;
    return Boolean(svg && !isIcon(svg));
  }
  if (element instanceof view.HTMLCanvasElement) return element.width > 0 && element.height > 0;
  if (element instanceof view.HTMLVideoElement) return element.videoWidth > 0;
  if (element === element.ownerDocument.documentElement || element === element.ownerDocument.body) return false;
  return ([undefined, '::before', '::after'] as const).some((pseudo) => backgroundUrls(element, pseudo).length > 0);
}

/** True when some image is under the pointer that the browser's image/video entry does not cover. */
export function wantsPageEntry(stack: Element[], listensForContextMenu: (element: Element) => boolean): boolean {
  return !browserSeesImage(stack, listensForContextMenu) && stack.some(showsImage);
}

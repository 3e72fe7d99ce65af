import type { ImageTarget } from '../messaging';

/** The image an element shows, if it is one: `currentSrc` is the srcset/<picture> candidate on screen. */
export function imageOfElement(element: Element): ImageTarget | null {
  const view = element.ownerDocument?.defaultView;
  if (!view) return null;
  if (element instanceof view.HTMLPictureElement) {
    const img = element.querySelector('img');
    return img ? imageOfElement(img) : null;
  }
  if (element instanceof view.HTMLImageElement) {
    const url = element.currentSrc || element.src;
    if (!url) return null;
    return element.naturalWidth > 0
      ? { url, width: element.naturalWidth, height: element.naturalHeight }
      : { url };
  }
  return null;
}

/**
 * The topmost image among the elements under the pointer (as `elementsFromPoint` orders them),
 * so a transparent overlay above a picture does not hide it.
 */
export function pickImage(elements: Iterable<Element>): ImageTarget | null {
  for (const element of elements) {
    const target = imageOfElement(element);
    if (target) return target;
  }
  return null;
}

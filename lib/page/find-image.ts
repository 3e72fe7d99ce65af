/**
 * Which image the person right-clicked, in the page (content script): the topmost element under
 * the pointer that shows an image of one of the kinds in image-kinds.ts, looking into open
 * shadow roots.
 */
import type { ImageTarget } from '../messaging';
import { imageOf } from './image-kinds';

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

/**
 * "All images on this page…": every image a document shows, as FoundImage data for the Batch
 * page. The same kinds and rules as a right-click (image-kinds.ts), walked over the whole
 * document and its open shadow roots instead of the stack under the pointer. Runs in the content
 * script, only when asked: nothing here observes the page. Reads no pixels but a small thumbnail
 * of the kinds a tab cannot show by address (canvas, video, inline SVG, blob:).
 */
import type { FoundImage } from '../batch/found-image';
import { scanOf } from './image-kinds';
import type { View } from './page-view';
import { sizeOf } from './scan-img';
import { elementRefOf } from './scanned-elements';
import { thumbnailOf } from './scan-thumbnail';

/** Open shadow roots nest; a page that nests deeper than this is not showing pictures there. */
const MAX_SHADOW_DEPTH = 8;

/** The image(s) one element shows, by the first kind of the table that fits it. */
function imagesOf(element: Element): FoundImage[] {
  const box = element.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return [];
  return scanOf(element, sizeOf(box.width, box.height));
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
    const images = imagesOf(element);
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

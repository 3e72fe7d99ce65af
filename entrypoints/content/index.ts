import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { elementsAt, findImage } from '@/lib/image/find-image';
import { rasterizeSvgMarkup } from '@/lib/image/page-pixels';
import { onMessage, type ImageTarget } from '@/lib/messaging';
import { answerFrameOffsets, offsetInTab } from './frame-offset';
import { watchPointer } from './watch-pointer';

/**
 * The screen-capture box moved from this frame's viewport into the tab's, cut to what this frame
 * shows; without a known position (a parent without our script), no box and so no capture.
 */
async function inTabViewport(target: ImageTarget): Promise<ImageTarget> {
  if (!target.rect) return target;
  const offset = await offsetInTab();
  const { rect, ...rest } = target;
  if (!offset) return rest;
  const x = Math.max(0, rect.x);
  const y = Math.max(0, rect.y);
  const width = Math.min(innerWidth, rect.x + rect.width) - x;
  const height = Math.min(innerHeight, rect.y + rect.height) - y;
  return { ...rest, rect: { x: x + offset.x, y: y + offset.y, width, height } };
}

/**
 * Remembers what was under the pointer when the context menu opened, and tells the background
 * which image that was; follows the pointer so the menu entry shows over images only. It reads
 * nothing else from the page and holds no secrets.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_start',
  main(ctx) {
    watchPointer(ctx);
    answerFrameOffsets(ctx);
    let underPointer: Element[] = [];
    ctx.addEventListener(
      window,
      'contextmenu',
      (event) => {
        const hit = event.composedPath()[0];
        const stack = elementsAt(document, event.clientX, event.clientY);
        underPointer = hit instanceof Element && !stack.includes(hit) ? [hit, ...stack] : stack;
      },
      { capture: true },
    );
    const fromUs = (sender: { id?: string }) => sender.id === browser.runtime.id;
    onMessage('getImageTarget', async ({ sender }) => {
      if (!fromUs(sender)) return null;
      const { target, unreadable } = await findImage(underPointer);
      const found = target ?? unreadable;
      return found ? inTabViewport(found) : null;
    });
    onMessage('rasterizeSvg', ({ sender, data }) => {
      if (!fromUs(sender) || typeof data !== 'string') throw new Error('Not allowed');
      return rasterizeSvgMarkup(data);
    });
  },
});

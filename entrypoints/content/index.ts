import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { elementsAt, findImage } from '@/lib/image/find-image';
import { rasterizeSvgMarkup } from '@/lib/image/page-pixels';
import { onMessage } from '@/lib/messaging';
import { watchPointer } from './watch-pointer';

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
      return target ?? unreadable ?? null;
    });
    onMessage('rasterizeSvg', ({ sender, data }) => {
      if (!fromUs(sender) || typeof data !== 'string') throw new Error('Not allowed');
      return rasterizeSvgMarkup(data);
    });
  },
});

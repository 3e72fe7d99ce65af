import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { pickImage } from '@/lib/image/pick-image';
import { onMessage } from '@/lib/messaging';

/**
 * Remembers what was under the pointer when the context menu opened, and tells the background
 * which image that was. It reads nothing else from the page and holds no secrets.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_start',
  main(ctx) {
    let underPointer: Element[] = [];
    ctx.addEventListener(
      window,
      'contextmenu',
      (event) => {
        const hit = event.composedPath()[0];
        const stack = document.elementsFromPoint(event.clientX, event.clientY);
        underPointer = hit instanceof Element && !stack.includes(hit) ? [hit, ...stack] : stack;
      },
      { capture: true },
    );
    onMessage('getImageTarget', ({ sender }) => {
      if (sender.id !== browser.runtime.id) return null;
      return pickImage(underPointer);
    });
  },
});

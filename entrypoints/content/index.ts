import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { elementsAt, findImage } from '@/lib/image/find-image';
import { rasterizeSvgMarkup } from '@/lib/image/page-pixels';
import { recentClicks } from '@/lib/image/recent-clicks';
import { onMessage } from '@/lib/messaging';

/**
 * Remembers what was under the pointer when the context menu opened, and tells the background
 * which image that was. It reads nothing else from the page, holds no secrets, and listens to
 * nothing the page can send: only the browser's own right-clicks and our background's messages.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_start',
  main() {
    const clicks = recentClicks();
    // Not ctx.addEventListener: WXT's context can be invalidated by an event the page can forge
    // (its "newer script started" signal), which would silently switch this listener off.
    window.addEventListener(
      'contextmenu',
      (event) => {
        // A page can dispatch contextmenu events of its own to point us at another image.
        if (!event.isTrusted) return;
        const hit = event.composedPath()[0];
        const stack = elementsAt(document, event.clientX, event.clientY);
        clicks.record(hit instanceof Element && !stack.includes(hit) ? [hit, ...stack] : stack);
      },
      { capture: true },
    );
    const fromUs = (sender: { id?: string; tab?: unknown }) => sender.id === browser.runtime.id && !sender.tab;
    onMessage('getImageTarget', async ({ sender, data }) => {
      if (!fromUs(sender)) return null;
      const srcUrl = typeof data?.srcUrl === 'string' ? data.srcUrl : undefined;
      const { target, unreadable } = await findImage(clicks.stackFor(srcUrl));
      return target ?? unreadable ?? null;
    });
    onMessage('rasterizeSvg', ({ sender, data }) => {
      if (!fromUs(sender) || typeof data !== 'string') throw new Error('Not allowed');
      return rasterizeSvgMarkup(data);
    });
  },
});

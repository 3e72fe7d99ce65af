import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { elementsAt, findImage } from '@/lib/page/find-image';
import { showsImage } from '@/lib/page/image-kinds';
import { rasterizeSvgMarkup } from '@/lib/page/page-pixels';
import { recentClicks } from '@/lib/page/recent-clicks';
import { onMessage, sendMessage } from '@/lib/messaging';
import { answerImageUnderPointer } from './answer-image-under-pointer';
import { answerScan } from './answer-scan';
import { answerFrameOffsets, inTabViewport } from './frame-offset';
import { hoverButton } from './hover-button';
import { watchPointer } from './watch-pointer';

/**
 * Tells the worker which file was right-clicked, so it can be downloaded and scaled while the
 * menu is open (the setting and the size limits are the worker's business). Only images with an
 * address: a canvas, a video frame or an inline SVG would have to be read here, in the page, for
 * a menu the user may close.
 */
async function offerForPreparation(stack: Element[]): Promise<void> {
  const top = stack.find(showsImage);
  if (!top || top instanceof HTMLCanvasElement || top instanceof HTMLVideoElement || top instanceof SVGElement) return;
  const { target } = await findImage(stack);
  if (target?.url && !target.dataUrl && /^https?:/i.test(target.url))
    await sendMessage('prepareImage', { url: target.url });
}

/**
 * Remembers what was under the pointer when the context menu opened, and tells the background
 * which image that was; follows the pointer so the menu entry shows over images only. It reads
 * nothing else from the page, holds no secrets, and takes no orders from the page: only the
 * browser's own right-clicks and our background's messages.
 */
export default defineUnlistedScript({
  main() {
    const pointer = watchPointer();
    answerFrameOffsets();
    answerImageUnderPointer(pointer);
    answerScan();
    hoverButton();
    const clicks = recentClicks();
    window.addEventListener(
      'contextmenu',
      (event) => {
        // A page can dispatch contextmenu events of its own to point us at another image.
        if (!event.isTrusted) return;
        const hit = event.composedPath()[0];
        const stack = elementsAt(document, event.clientX, event.clientY);
        const elements = hit instanceof Element && !stack.includes(hit) ? [hit, ...stack] : stack;
        clicks.record(elements);
        // After the event: the menu must not wait for it.
        setTimeout(() => void offerForPreparation(elements).catch(() => undefined), 0);
      },
      { capture: true },
    );
    const fromUs = (sender: { id?: string; tab?: unknown }) => sender.id === browser.runtime.id && !sender.tab;
    onMessage('getImageTarget', async ({ sender, data }) => {
      if (!fromUs(sender)) return null;
      const srcUrl = typeof data?.srcUrl === 'string' ? data.srcUrl : undefined;
      const { target, unreadable } = await findImage(clicks.stackFor(srcUrl));
      const found = target ?? unreadable;
      return found ? inTabViewport(found) : null;
    });
    onMessage('rasterizeSvg', ({ sender, data }) => {
      if (!fromUs(sender) || typeof data !== 'string') throw new Error('Not allowed');
      return rasterizeSvgMarkup(data);
    });
  },
});

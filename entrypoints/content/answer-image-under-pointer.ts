import { browser } from 'wxt/browser';
import { elementsAt, findImage } from '@/lib/page/find-image';
import { onMessage } from '@/lib/messaging';
import { inTabViewport } from './frame-offset';

/**
 * The keyboard shortcut's question, "which image is under the pointer now?", answered by the
 * same rules as a right-click (findImage over everything stacked at that point). Only the
 * pointer's last position is kept, on trusted events: a page cannot point the shortcut at
 * another image, and nothing is read from the page until the user presses the keys.
 */
export function answerImageUnderPointer(): void {
  let at: { x: number; y: number } | undefined;
  const follow = (event: PointerEvent) => {
    if (event.isTrusted) at = { x: event.clientX, y: event.clientY };
  };
  const opts = { capture: true, passive: true };
  window.addEventListener('pointermove', follow, opts);
  window.addEventListener('pointerover', follow, opts);
  window.addEventListener(
    'pointerout',
    (event) => {
      // Left this document (out of the window, or into a child frame, which answers for itself).
      if (event.isTrusted && !event.relatedTarget) at = undefined;
    },
    opts,
  );
  onMessage('getImageUnderPointer', async ({ sender }) => {
    if (sender.id !== browser.runtime.id || sender.tab || !at) return null;
    const { target, unreadable } = await findImage(elementsAt(document, at.x, at.y));
    const found = target ?? unreadable;
    return found ? inTabViewport(found) : null;
  });
}

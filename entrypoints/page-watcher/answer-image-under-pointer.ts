import { browser } from 'wxt/browser';
import { elementsAt, findImage } from '@/lib/page/find-image';
import { onMessage } from '@/lib/messaging';
import { inTabViewport } from './frame-offset';
import type { PointerWatch } from './watch-pointer';

/**
 * The keyboard shortcut's question, "which image is under the pointer now?", answered by the
 * same rules as a right-click (findImage over everything stacked at that point), at the position
 * the pointer watch keeps from trusted events only: a page cannot point the shortcut at another
 * image, and nothing is read from the page until the user presses the keys.
 */
export function answerImageUnderPointer(pointer: PointerWatch): void {
  onMessage('getImageUnderPointer', async ({ sender }) => {
    const at = pointer.position();
    if (sender.id !== browser.runtime.id || sender.tab || !at) return null;
    const { target, unreadable } = await findImage(elementsAt(document, at.x, at.y));
    const found = target ?? unreadable;
    return found ? inTabViewport(found) : null;
  });
}

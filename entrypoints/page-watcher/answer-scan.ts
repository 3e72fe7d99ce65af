import { browser } from 'wxt/browser';
import { findImage } from '@/lib/page/find-image';
import { scanPage } from '@/lib/page/scan-page';
import { scannedElement } from '@/lib/page/scanned-elements';
import { onMessage } from '@/lib/messaging';
import { inTabViewport } from './frame-offset';

/**
 * "All images on this page…": this frame's images when the worker asks (scanImages), and later
 * the pixels of the ones only the page can read, by the name the scan gave them
 * (readScannedImage). Only our worker may ask; nothing runs until it does.
 */
export function answerScan(): void {
  const fromUs = (sender: { id?: string; tab?: unknown }) => sender.id === browser.runtime.id && !sender.tab;
  onMessage('scanImages', ({ sender }) => (fromUs(sender) ? scanPage() : []));
  onMessage('readScannedImage', async ({ sender, data }) => {
    const ref = fromUs(sender) ? data?.elementRef : undefined;
    const element = typeof ref === 'string' ? scannedElement(ref) : undefined;
    if (!element) return null;
    const { target, unreadable } = await findImage([element]);
    const found = target ?? unreadable;
    return found ? inTabViewport(found) : null;
  });
}

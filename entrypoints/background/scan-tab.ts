import { browser } from 'wxt/browser';
import type { PageScan } from '@/lib/batch/batch-record';
import type { FoundImage } from '@/lib/batch/found-image';
import { sendMessage } from '@/lib/messaging';

/** A frame that has not answered by then (busy, or a frame with no content script) is left out. */
const FRAME_WAIT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), FRAME_WAIT_MS);
  });
  return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/**
 * Every frame of the tab (same- and cross-origin iframes alike: each runs our content script)
 * is asked for its images at once; each image is told which frame it came from, so the page-only
 * kinds can be read there later. webNavigation is the one way to list a tab's frames.
 */
export async function scanTab(tabId: number): Promise<PageScan> {
  const tab = await browser.tabs.get(tabId);
  const frames = (await browser.webNavigation.getAllFrames({ tabId }).catch(() => null)) ?? [{ frameId: 0 }];
  const perFrame = await Promise.all(
    frames.map(async ({ frameId }) => {
      const found = await withTimeout<FoundImage[] | undefined>(
        sendMessage('scanImages', undefined, { tabId, frameId }),
        undefined,
      );
      return Array.isArray(found) ? found.map((image) => ({ ...image, frameId })) : undefined;
    }),
  );
  // Not one frame answered: a browser page, or a tab loaded before PromptLens was (no content script yet).
  if (perFrame.every((found) => found === undefined)) throw new Error('No content script answered in this tab');
  // Top frame first, then the frames in the order the browser lists them: page order, near enough.
  const order = frames.map(({ frameId }) => frameId);
  const found = perFrame
    .flatMap((images) => images ?? [])
    .sort((a, b) => order.indexOf(a.frameId) - order.indexOf(b.frameId));
  return { tabId, pageUrl: tab.url ?? '', pageTitle: tab.title ?? '', found };
}

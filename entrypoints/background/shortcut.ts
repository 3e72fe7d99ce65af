import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { sendMessage, type ImageTarget } from '@/lib/messaging';
import { loadSettings } from '@/lib/settings';
import { fetchTargetImage } from './acquire-image';
import { backgroundI18n } from './background-i18n';
import { openBatch } from './open-batch';
import { framesToAsk } from './pointer-frame';
import { openResultsNow, openSidePanelNow } from './present-result';
import { isBurst, startJob } from './start-job';
import { worker } from './worker-state';
import { deferred } from '@/lib/deferred';
import { lookUpDecoder } from './offscreen-normalize';

/** The manifest's command names (wxt.config.ts). */
export const COMMANDS = { promptUnderPointer: 'prompt-under-pointer', openBatch: 'open-batch-page' } as const;

const ASK_TIMEOUT_MS = 1500;

async function imageUnderPointer(tabId: number): Promise<{ target: ImageTarget; frameId: number } | undefined> {
  for (const frameId of await framesToAsk(tabId)) {
    const asking = sendMessage('getImageUnderPointer', undefined, { tabId, frameId });
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), ASK_TIMEOUT_MS));
    // No content script there (a restricted page, a tab opened before install): no image.
    const target = await Promise.race([asking, timeout]).catch(() => null);
    if (target) return { target, frameId };
  }
  return undefined;
}

/** "No image under the pointer": never a silent nothing. */
async function sayNoImage(): Promise<void> {
  const i18n = await backgroundI18n();
  await browser.notifications
    .create('shortcut:no-image', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: i18n.t('shortcut.noImageTitle'),
      message: i18n.t('shortcut.noImageBody'),
    })
    .catch(() => undefined);
}

/**
 * The keyboard shortcut: the default style on the image under the pointer, by the right-click's
 * rules. The side panel must open inside the key press (a user action), so at once; the popup
 * only once an image is found, so a press over nothing does not cover the page with an old result.
 */
export async function promptUnderPointer(tab: Browser.tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id;
  if (tabId === undefined || tabId < 0) return sayNoImage();
  const joinsBurst = isBurst();
  const panel = !joinsBurst && worker.resultsIn === 'sidePanel' ? openSidePanelNow(tabId) : undefined;
  const found = await imageUnderPointer(tabId);
  if (!found) return sayNoImage();
  const requestOut = deferred();
  const opened = joinsBurst ? Promise.resolve(false) : (panel ?? openResultsNow(tabId, requestOut.promise));
  lookUpDecoder();
  const { defaultStyle } = await loadSettings();
  await startJob(
    {
      choice: { style: defaultStyle },
      tab,
      srcUrl: found.target.url,
      fetch: (signal) => fetchTargetImage(found.target, { tab, frameId: found.frameId, signal }),
      onRequestOut: requestOut.resolve,
    },
    opened,
    joinsBurst,
  );
}

/**
 * The second command: the Batch page for this tab's images ("All images on this page…"), or, on a
 * page that has none to offer (the browser's own pages, whose address the worker cannot see), the
 * side panel. Decided from the tab's address alone, so the side panel still opens inside the key
 * press (it must be a user action).
 */
export function openBatchOrPanel(tab: Browser.tabs.Tab | undefined): Promise<unknown> {
  const tabId = tab?.id;
  if (tabId !== undefined && tabId >= 0 && /^(https?|file):/i.test(tab?.url ?? '')) return openBatch(tabId);
  return openSidePanelNow(tabId);
}

import { browser } from 'wxt/browser';
import type { i18n as I18n } from 'i18next';
import { describeError } from '@/lib/errors';
import type { Job } from '@/lib/jobs/types';
import { providerName } from '@/lib/providers/provider-names';
import { loadSettings, type ResultsHost } from '@/lib/settings';
import { worker } from './worker-state';

/**
 * Open the popup for a new job. Must be called synchronously in the menu click handler:
 * Firefox allows openPopup() only while handling a user action. Resolves to false where the
 * browser would not open it (no focused window, older browser), so the caller can fall back.
 */
function openPopupNow(): Promise<boolean> {
  return openedBy(() => browser.action.openPopup?.());
}

/**
 * Whether an open that must start synchronously in a user action did open: the call itself may
 * throw, resolve, reject, or not exist in this browser.
 */
function openedBy(open: () => Promise<unknown> | undefined): Promise<boolean> {
  try {
    const opening = open();
    return opening !== undefined
      ? opening.then(
          () => true,
          () => false,
        )
      : Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Firefox's sidebar, which Chrome's types do not know. */
const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;

/**
 * Open the side panel (Firefox: the sidebar). Both browsers accept this only while handling a
 * user action (a menu click, a keyboard command): call it synchronously in the handler.
 * The panel is the manifest's global one, so it stays open as the user moves between tabs.
 */
export function openSidePanelNow(tabId: number | undefined): Promise<boolean> {
  const sidePanel = browser.sidePanel as typeof browser.sidePanel | undefined;
  return openedBy(() => (sidePanel && tabId !== undefined ? sidePanel.open({ tabId }) : sidebarAction?.open()));
}

/**
 * How long a popup waits at most for the request to leave (below). The 12 MP photo's cold
 * decode and request take ~150–200 ms on two cores; a download slower than this has the popup
 * open while it runs (a download costs no CPU).
 */
export const POPUP_WAIT_MS = 300;

/**
 * Chrome's service worker opens the popup without a user action (Chrome 127+); Firefox only
 * inside the click handler, so there it opens at once.
 */
const canOpenPopupLater = () => 'ServiceWorkerGlobalScope' in globalThis;

/**
 * The popup's start (its window, first layout and paint: ~110 ms of CPU even for an empty page,
 * measured) competes on the user's cores with the decode the request waits for, and the answer
 * cannot come before the request. So where the browser allows, the popup opens once the request
 * is out (`requestOut`), or after POPUP_WAIT_MS at most; the user-wait bench measures both clocks.
 */
function openPopupWhen(requestOut: Promise<unknown> | undefined): Promise<boolean> {
  if (!requestOut || !canOpenPopupLater()) return openPopupNow();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const capped = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, POPUP_WAIT_MS);
  });
  return Promise.race([requestOut.catch(() => undefined), capped]).then(() => {
    clearTimeout(timer);
    return openPopupNow();
  });
}

function openIn(host: ResultsHost, tabId: number | undefined, requestOut?: Promise<unknown>): Promise<boolean> {
  if (host === 'popup') return openPopupWhen(requestOut);
  // Where the browser refuses the panel, the popup still shows the result.
  return openSidePanelNow(tabId).then((opened) => opened || openPopupNow());
}

/**
 * Show a new job where the user chose ("Show results in"). Synchronously while the setting is
 * known (the worker caches it); a worker just woken by this very click reads it first, and
 * where the browser no longer counts that as the user's action, falls back to the popup.
 * `requestOut`: the popup may wait for it (openPopupWhen); the side panel never waits (it must
 * open inside the user's action).
 */
export function openResultsNow(tabId: number | undefined, requestOut?: Promise<unknown>): Promise<boolean> {
  if (worker.resultsIn) return openIn(worker.resultsIn, tabId, requestOut);
  return loadSettings().then((settings) => {
    worker.resultsIn = settings.resultsIn;
    return openIn(settings.resultsIn, tabId, requestOut);
  });
}

/** Whether the popup or the side panel (sidebar) shows our results right now. */
async function isResultsViewOpen(): Promise<boolean> {
  const runtime = browser.runtime as { getContexts?: (filter: object) => Promise<unknown[]> };
  if (runtime.getContexts) {
    return (await runtime.getContexts({ contextTypes: ['POPUP', 'SIDE_PANEL'] }).catch(() => [])).length > 0;
  }
  const views = (type: string) => browser.extension?.getViews?.({ type: type as 'popup' }) ?? [];
  return views('popup').length + views('sidebar').length > 0;
}

/** A finished job nobody is looking at: badge on the toolbar icon, and a notification. */
export async function announceFinished(job: Job, popupOpened: boolean, i18n: I18n): Promise<void> {
  if (await isResultsViewOpen()) return;
  const failed = job.status === 'failed';
  await browser.action.setBadgeBackgroundColor({ color: failed ? '#c62828' : '#2e7d32' });
  await browser.action.setBadgeText({ text: failed ? '!' : '1' });
  await browser.action.setTitle({ title: i18n.t('notification.badgeTitle') });
  if (popupOpened) return;
  await browser.notifications
    .create(`job:${job.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: i18n.t(failed ? 'notification.failedTitle' : 'notification.doneTitle'),
      message: failed
        ? describeError(
            job.error ?? { code: 'unknown' },
            { provider: providerName(job.provider, i18n.t), model: job.model },
            i18n.t,
          ).title
        : i18n.t('notification.doneBody'),
    })
    .catch(() => undefined);
}

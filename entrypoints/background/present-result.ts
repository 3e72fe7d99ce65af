import { browser } from 'wxt/browser';
import type { i18n as I18n } from 'i18next';
import { describeError } from '@/lib/errors';
import type { Job } from '@/lib/jobs/types';
import { providerName } from '@/lib/providers/provider-names';

/**
 * Open the popup for a new job. Must be called synchronously in the menu click handler:
 * Firefox allows openPopup() only while handling a user action. Resolves to false where the
 * browser would not open it (no focused window, older browser), so the caller can fall back.
 */
export function openPopupNow(): Promise<boolean> {
  try {
    const opening = browser.action.openPopup?.();
    return opening ? opening.then(() => true, () => false) : Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
}

async function isPopupOpen(): Promise<boolean> {
  const runtime = browser.runtime as { getContexts?: (filter: object) => Promise<unknown[]> };
  if (runtime.getContexts) {
    return (await runtime.getContexts({ contextTypes: ['POPUP'] }).catch(() => [])).length > 0;
  }
  return (browser.extension?.getViews?.({ type: 'popup' }) ?? []).length > 0;
}

/** A finished job nobody is looking at: badge on the toolbar icon, and a notification. */
export async function announceFinished(job: Job, popupOpened: boolean, i18n: I18n): Promise<void> {
  if (await isPopupOpen()) return;
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
        ? describeError(job.error ?? { code: 'unknown' }, { provider: providerName(job.provider, i18n.t), model: job.model }, i18n.t).title
        : i18n.t('notification.doneBody'),
    })
    .catch(() => undefined);
}

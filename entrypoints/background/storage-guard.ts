import { browser } from 'wxt/browser';
import { db } from '@/lib/history/db';
import { quotaGuard } from '@/lib/privacy/quota-guard';
import { mergeReport, storageFullItem, type RefusedWrite } from '@/lib/privacy/storage-full';
import { backgroundI18n } from './background-i18n';
import { worker } from './worker-state';

/** Refused writes come in bursts (text, status, history row): recorded one after another. */
function record(write: RefusedWrite): void {
  worker.storageFullReports = worker.storageFullReports
    .then(async () => {
      const previous = await storageFullItem.getValue();
      await storageFullItem.setValue(mergeReport(previous, write, Date.now()));
      if (!previous) await notify();
    })
    .catch((error) => console.error('PromptLens: storage full report', error));
}

/** Once per episode: the popup may be closed, and the prompt must not vanish unnoticed. */
async function notify(): Promise<void> {
  const i18n = await backgroundI18n();
  await browser.notifications
    ?.create('storage-full', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: i18n.t('privacy.storageFull.title'),
      message: i18n.t('privacy.storageFull.notification'),
    })
    .catch(() => undefined);
}

/** Watches every write of the worker's database connection for a full disk. */
export function guardStorage(): void {
  db.use(quotaGuard(record));
}

import { activeJobIds, clearHistory } from '../history/queries';
import { apiKeysItem, DEFAULT_SETTINGS, imageApiKeysItem, privacyConsentItem, settingsItem } from '../settings';
import { storageFullItem } from './storage-full';

export interface DeleteAllOptions {
  /** Also remove every provider's API key, image providers' included. */
  forgetKeys: boolean;
  /** Stops a prompt still being written, whose next write would bring its job back. */
  cancel: (jobId: string) => Promise<unknown>;
}

/**
 * "Delete all data": history, prompts, thumbnails, cached images, recreations, the consent to send, and
 * the settings back to their defaults. The API keys stay unless asked, since a user who
 * starts afresh usually still wants to use their account.
 */
export async function deleteAllData({ forgetKeys, cancel }: DeleteAllOptions): Promise<void> {
  await Promise.allSettled((await activeJobIds()).map((id) => cancel(id)));
  await clearHistory();
  await Promise.all([
    settingsItem.setValue(DEFAULT_SETTINGS),
    privacyConsentItem.removeValue(),
    storageFullItem.removeValue(),
    forgetKeys ? apiKeysItem.removeValue() : undefined,
    forgetKeys ? imageApiKeysItem.removeValue() : undefined,
  ]);
}

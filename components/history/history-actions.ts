import { activeJobIds, deleteEntries, type EntrySnapshot } from '@/lib/history/queries';
import { sendMessage } from '@/lib/messaging';

/** Stops any prompt still being written for these images, then deletes them (Undo gets the snapshot). */
export async function removeEntries(ids: readonly string[]): Promise<EntrySnapshot> {
  const active = await activeJobIds(ids);
  await Promise.all(active.map((id) => sendMessage('cancelJob', id).catch(() => undefined)));
  return deleteEntries(ids);
}

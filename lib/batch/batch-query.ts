import { db } from '../history/db';
import type { BatchRecord } from './batch-record';

/** The tab's newest batch, whatever its state, or null: what its Batch page shows. */
export async function latestBatchOfTab(tabId: number): Promise<BatchRecord | null> {
  if (!Number.isInteger(tabId)) return null;
  const batches = await db.batches.where('tabId').equals(tabId).sortBy('createdAt');
  return batches.at(-1) ?? null;
}

/**
 * Batches in the database: the record the worker writes and pages read, the files as
 * downloaded, and the list history shows (newest first).
 */
import { db } from '../history/db';
import type { BatchRecord } from './batch-record';

export const batchFileId = (batchId: string, itemId: string) => `${batchId}/${itemId}`;

export function getBatch(id: string): Promise<BatchRecord | undefined> {
  return db.batches.get(id);
}

/** Every batch, newest first: one history row each (page, date, style, counts). */
export function listBatches(limit?: number): Promise<BatchRecord[]> {
  const query = db.batches.orderBy('createdAt').reverse();
  return (limit ? query.limit(limit) : query).toArray();
}

/** Batches a stopped worker left unfinished: running ones resume, paused ones wait for Resume. */
export function unfinishedBatches(): Promise<BatchRecord[]> {
  return db.batches.where('state').anyOf('running', 'paused').toArray();
}

export async function saveBatchFile(batchId: string, itemId: string, blob: Blob): Promise<void> {
  await db.batchFiles.put({ id: batchFileId(batchId, itemId), batchId, blob });
}

export async function getBatchFile(batchId: string, itemId: string): Promise<Blob | undefined> {
  return (await db.batchFiles.get(batchFileId(batchId, itemId)))?.blob;
}

import { browser } from 'wxt/browser';
import { validStartRequest } from '@/lib/batch/validate-start';
import { onMessage } from '@/lib/messaging';
import { fromExtensionPage } from '../message-handlers';
import {
  BATCH_ALARM,
  batchAlarm,
  batchTabClosed,
  controlBatch,
  resumeBatches,
  retryBatchItems,
  startBatch,
} from './batch-service';

const ACTIONS: ReadonlySet<string> = new Set(['pause', 'resume', 'stop']);
/** Batch ids are ours (crypto.randomUUID). */
const isBatchId = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value);
const isItemId = (value: unknown): value is string | undefined =>
  value === undefined || (typeof value === 'string' && value.length > 0 && value.length <= 8192);

const logged = (what: string) => (error: unknown) => console.error(`PromptLens: batch ${what}`, error);

/** The runner's doors: the Batch page's messages (extension pages only), a closed tab, a worker start. */
export function registerBatchRunner(jobsRecovered: Promise<unknown>): void {
  // After the jobs' recovery, which fails the batches' unfinished jobs for the batches to run
  // again; every door waits for it, so no batch is touched half-recovered.
  const ready = jobsRecovered.finally(() => resumeBatches().catch(logged('recovery')));
  onMessage('startBatch', async ({ data, sender }) => {
    const request = fromExtensionPage(sender) ? validStartRequest(data) : undefined;
    if (!request) throw new Error('Not a batch PromptLens can start');
    await ready;
    return startBatch(request);
  });
  onMessage('controlBatch', async ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !isBatchId(data?.batchId) || !ACTIONS.has(data.action)) return;
    await ready;
    await controlBatch(data.batchId, data.action);
  });
  onMessage('retryBatchItems', async ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !isBatchId(data?.batchId) || !isItemId(data.itemId)) return;
    await ready;
    await retryBatchItems(data.batchId, data.itemId);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BATCH_ALARM) void ready.then(batchAlarm).catch(logged('alarm'));
  });
  browser.tabs.onRemoved.addListener(
    (tabId) => void ready.then(() => batchTabClosed(tabId)).catch(logged('tab closed')),
  );
}

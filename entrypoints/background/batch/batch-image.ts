import { browser } from 'wxt/browser';
import type { BatchItem, BatchRecord } from '@/lib/batch/batch-record';
import { getBatchFile, saveBatchFile } from '@/lib/batch/batch-store';
import { needsPage } from '@/lib/batch/batch-items';
import { pickSource } from '@/lib/batch/pick-source';
import { JobFailure } from '@/lib/errors';
import { fetchImage, type FetchedImage } from '@/lib/image/fetch-image';
import type { NormalizedImage } from '@/lib/image/normalize';
import { sniffFormat } from '@/lib/image/sniff';
import { getImage } from '@/lib/jobs/job-store';
import { sendMessage } from '@/lib/messaging';
import { fetchAsPage, type AcquireOptions } from '../acquire-image';
import { normalizeForRequest, warmOffscreenDecoder } from '../offscreen-normalize';
import { worker } from '../worker-state';

const ASK_PAGE_TIMEOUT_MS = 10_000;

function origin(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/** The tab still shows the page the batch came from (a tab id can be reused after a browser restart). */
async function assertPageOpen(batch: BatchRecord): Promise<void> {
  const tab = await browser.tabs.get(batch.tabId).catch(() => undefined);
  if (!tab || origin(tab.url) !== origin(batch.pageUrl)) throw new JobFailure({ code: 'page-closed' });
}

/**
 * Pixels only the page can read (canvas, video frame, inline SVG, blob:): the frame's content script hands them over.
 */
async function readFromPage(batch: BatchRecord, item: BatchItem, signal: AbortSignal): Promise<FetchedImage> {
  await assertPageOpen(batch);
  const { candidate } = item;
  const asked = sendMessage(
    'readScannedImage',
    { elementRef: candidate.elementRef, url: candidate.url, kind: candidate.kind },
    { tabId: batch.tabId, frameId: candidate.frameId },
  );
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new JobFailure({ code: 'page-not-ready' })), ASK_PAGE_TIMEOUT_MS),
  );
  const target = await Promise.race([asked, timeout]).catch(async (error: unknown) => {
    await assertPageOpen(batch); // closed meanwhile: say so rather than "not ready"
    throw error instanceof JobFailure ? error : new JobFailure({ code: 'page-not-ready' });
  });
  if (!target?.dataUrl) throw new JobFailure({ code: 'no-image' });
  return fetchImage(target.dataUrl, signal);
}

/** The file to keep and normalize: the smallest rendition that covers what the provider uses. */
function download(batch: BatchRecord, item: BatchItem, opts: AcquireOptions): Promise<FetchedImage> {
  if (needsPage(item.candidate.kind)) return readFromPage(batch, item, opts.signal);
  const picked = pickSource(item.candidate, { limits: opts.limits });
  if (!picked) throw new JobFailure({ code: 'no-image' });
  return worker.batchDownloads.run((signal) => fetchAsPage(picked.url, batch.pageUrl, signal), opts.signal);
}

async function keptFile(batch: BatchRecord, item: BatchItem): Promise<FetchedImage | undefined> {
  const blob = await getBatchFile(batch.id, item.id);
  if (!blob) return undefined;
  return { blob, format: sniffFormat(new Uint8Array(await blob.slice(0, 512).arrayBuffer())) };
}

/**
 * A batch image, normalized for the provider. A rerun (Retry, a 429, a restarted worker) takes
 * the image the first run stored, or the file kept from its download, before going back to the
 * site. The file as downloaded is kept for the Dataset export; a full disk throws (the batch pauses).
 */
export async function batchImage(batch: BatchRecord, item: BatchItem, opts: AcquireOptions): Promise<NormalizedImage> {
  const stored = item.entryId ? await getImage(item.entryId) : undefined;
  if (stored) return { blob: stored.blob, info: stored.info };
  let file = await keptFile(batch, item);
  // JPEGs decode at reduced size in the offscreen document (Chrome): ready while the file downloads.
  warmOffscreenDecoder();
  if (!file) {
    file = await download(batch, item, opts);
    await saveBatchFile(batch.id, item.id, file.blob);
  }
  const kept = file;
  return worker.batchDecodes.run(() => normalizeForRequest(kept, opts.limits, opts.maxDataUrlBytes), opts.signal);
}

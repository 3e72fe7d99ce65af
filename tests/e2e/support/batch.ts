/**
 * Driving the batch runner without the Batch page: its messages sent from an extension page, and
 * galleries whose images offer a 1200 px file (what the page shows) and a 4000 px rendition.
 */
import type { Page } from '@playwright/test';
import type { Extension } from './extension';
import { storedRows } from './job-records';
import type { TestSite } from './test-site';

export interface StoredBatch {
  id: string;
  state: string;
  items: Array<{ id: string; status: string; jobId?: string; entryId?: string; error?: { code: string } }>;
}

/** A message in @webext-core/messaging's format, as the Batch page sends it. */
export function sendFromPage<T>(page: Page, type: string, data?: unknown): Promise<T> {
  return page.evaluate(
    async ({ type, data }) => {
      const answer = await (globalThis as any).chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      if (answer?.err) throw new Error(answer.err.message);
      return answer?.res;
    },
    { type, data },
  );
}

/** Serves image `i` at /<folder>/<i>-1200.jpg and -4000.jpg; answers the candidate the scan would report. */
export function galleryCandidate(site: TestSite, folder: string, i: number, shown: Buffer, huge = shown) {
  site.add(`/${folder}/${i}-1200.jpg`, shown, 'image/jpeg');
  site.add(`/${folder}/${i}-4000.jpg`, huge, 'image/jpeg');
  const url = `${site.imageOrigin}/${folder}/${i}-1200.jpg`;
  return {
    id: url,
    kind: 'url',
    url,
    displayed: { width: 300, height: 225 },
    natural: { width: 1200, height: 900 },
    srcset: [
      { url, w: 1200 },
      { url: `${site.imageOrigin}/${folder}/${i}-4000.jpg`, w: 4000 },
    ],
    sources: [],
    name: `Picture ${i + 1}`,
    frameId: 0,
    count: 1,
  };
}

/** The options page (an extension page that may send), the gallery open in a tab, and that tab's id. */
export async function openGallery(ext: Extension, pageUrl: string): Promise<{ options: Page; tabId: number }> {
  const tab = await ext.context.newPage();
  await tab.goto(pageUrl);
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  const tabId = await options.evaluate(
    async (url) => (await (globalThis as any).chrome.tabs.query({ url }))[0].id as number,
    pageUrl,
  );
  return { options, tabId };
}

export async function storedBatch(page: Page, id: string): Promise<StoredBatch> {
  return (await storedRows<StoredBatch>(page, 'batches')).find((batch) => batch.id === id)!;
}

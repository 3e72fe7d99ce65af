import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { configure, type Extension } from './support/extension';
import { makeImage } from './support/images';
import { storedRows } from './support/job-records';
import type { TestSite } from './support/test-site';

const COUNT = 12;

interface StoredBatch {
  id: string;
  state: string;
  items: Array<{ id: string; status: string; jobId?: string; entryId?: string; error?: { code: string } }>;
}

/** A message in @webext-core/messaging's format, sent from an extension page as the Batch page does. */
function send<T>(page: Page, type: string, data?: unknown): Promise<T> {
  return page.evaluate(
    async ({ type, data }) => {
      const answer = await (globalThis as any).chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      if (answer?.err) throw new Error(answer.err.message);
      return answer?.res;
    },
    { type, data },
  );
}

/** A gallery: each picture shown at 1200 px wide, with a 4000 px rendition in its srcset that must not be fetched. */
async function gallery(site: TestSite, scratch: Page) {
  const candidates = [];
  for (let i = 0; i < COUNT; i++) {
    const body = await makeImage(scratch, { width: 1200, height: 900, color: [(i * 53) % 256, (i * 97) % 256, 90] });
    site.add(`/batch/${i}-1200.jpg`, body, 'image/jpeg');
    site.add(`/batch/${i}-4000.jpg`, body, 'image/jpeg');
    const url = `${site.imageOrigin}/batch/${i}-1200.jpg`;
    candidates.push({
      id: url,
      kind: 'url',
      url,
      displayed: { width: 300, height: 225 },
      natural: { width: 1200, height: 900 },
      srcset: [
        { url, w: 1200 },
        { url: `${site.imageOrigin}/batch/${i}-4000.jpg`, w: 4000 },
      ],
      sources: [],
      name: `Picture ${i + 1}`,
      frameId: 0,
      count: 1,
    });
  }
  const pageUrl = site.page('/batch-gallery.html', '<!doctype html><title>Batch gallery</title><p>Pictures</p>');
  return { candidates, pageUrl };
}

async function optionsPage(ext: Extension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('options.html'));
  return page;
}

test('a batch runs every image through the queue, never more than "Prompts at once" at the provider, and survives a worker stop', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  test.setTimeout(120_000);
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  provider.fallback = { kind: 'stream', text: 'red fox, snow, golden hour, soft light', pieces: 6, delayMs: 250 };
  const { candidates, pageUrl } = await gallery(site, scratch);
  const tab = await ext.context.newPage();
  await tab.goto(pageUrl);
  const options = await optionsPage(ext);
  const tabId = await options.evaluate(
    async (url) => (await (globalThis as any).chrome.tabs.query({ url }))[0].id as number,
    pageUrl,
  );

  const batchId = await send<string>(options, 'startBatch', {
    tabId,
    pageUrl,
    pageTitle: 'Batch gallery',
    style: 'stable-diffusion',
    detail: 'standard',
    candidates,
  });
  expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
  const batch = async () => (await storedRows<StoredBatch>(options, 'batches')).find((b) => b.id === batchId)!;
  const count = async (status: string) => (await batch()).items.filter((item) => item.status === status).length;

  // Mid-run, the browser stops the worker; the Batch page's next message (or the batch's alarm) wakes it.
  await expect.poll(() => count('done'), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  expect(await count('done')).toBeLessThan(COUNT);
  const jobsBefore = (await batch()).items.map((item) => item.jobId);
  const cdp = await ext.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await send(options, 'ping');

  await expect.poll(async () => (await batch()).state, { timeout: 90_000 }).toBe('done');
  const finished = await batch();
  expect(finished.items.map((item) => item.status)).toEqual(Array(COUNT).fill('done'));
  // Images that had a job keep it: one history row per image, whatever the restart did.
  finished.items.forEach((item, i) => {
    if (jobsBefore[i]) expect(item.jobId).toBe(jobsBefore[i]);
  });
  const history = await storedRows<{ id: string; status: string }>(options, 'history');
  expect(history.filter((row) => finished.items.some((item) => item.entryId === row.id))).toHaveLength(COUNT);
  expect(history.every((row) => row.status === 'done')).toBe(true);

  expect(provider.maxInFlight).toBe(2);
  test.info().annotations.push({ type: 'requests', description: `${provider.requests.length} for ${COUNT} images` });
  // At most the two prompts cut by the stop were asked again.
  expect(provider.requests.length).toBeGreaterThanOrEqual(COUNT);
  expect(provider.requests.length).toBeLessThanOrEqual(COUNT + 2);
  // The smallest rendition that covers what the provider uses: never the 4000 px files.
  expect(site.hits.filter((path) => path.includes('-4000'))).toEqual([]);
  expect(new Set(site.hits.filter((path) => path.includes('-1200'))).size).toBe(COUNT);
});

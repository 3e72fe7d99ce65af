import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { configure } from './support/extension';
import { galleryCandidate, openGallery, sendFromPage, storedBatch } from './support/batch';
import { makeImage } from './support/images';
import { storedRows } from './support/job-records';
import type { TestSite } from './support/test-site';

const COUNT = 12;

/** A gallery: each picture shown at 1200 px wide, with a 4000 px rendition in its srcset that must not be fetched. */
async function gallery(site: TestSite, scratch: Page) {
  const candidates = [];
  for (let i = 0; i < COUNT; i++) {
    const body = await makeImage(scratch, { width: 1200, height: 900, color: [(i * 53) % 256, (i * 97) % 256, 90] });
    candidates.push(galleryCandidate(site, 'batch', i, body));
  }
  const pageUrl = site.page('/batch-gallery.html', '<!doctype html><title>Batch gallery</title><p>Pictures</p>');
  return { candidates, pageUrl };
}

test(
  'a batch runs every image through the queue, never more than "Prompts at once" at the provider, and survives a ' +
    'worker stop',
  async ({ ext, provider, site, scratch }) => {
    test.setTimeout(120_000);
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
    provider.fallback = { kind: 'stream', text: 'red fox, snow, golden hour, soft light', pieces: 6, delayMs: 250 };
    const { candidates, pageUrl } = await gallery(site, scratch);
    const { options, tabId } = await openGallery(ext, pageUrl);

    const batchId = await sendFromPage<string>(options, 'startBatch', {
      tabId,
      pageUrl,
      pageTitle: 'Batch gallery',
      style: 'stable-diffusion',
      detail: 'standard',
      candidates,
    });
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
    const batch = () => storedBatch(options, batchId);
    const count = async (status: string) => (await batch()).items.filter((item) => item.status === status).length;

    // Mid-run, the browser stops the worker; the Batch page's next message (or the batch's alarm) wakes it.
    await expect.poll(() => count('done'), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    expect(await count('done')).toBeLessThan(COUNT);
    const jobsBefore = (await batch()).items.map((item) => item.jobId);
    const cdp = await ext.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await sendFromPage(options, 'ping');

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
  },
);

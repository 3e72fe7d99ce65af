/**
 * npm run bench: a batch of 100 images with the fake provider answering at once. Start (the
 * Batch page's startBatch message) → every image done, and the bytes downloaded against what
 * the largest renditions would have cost. Each image offers a 1200 px file (what the page shows)
 * and a 4000 px one in its srcset; the provider uses 1024 × 768, so the runner should take the
 * 1200 px files only. Writes bench-results/batch-run.json. `npm run build`, then
 * `xvfb-run -a npx playwright test -c tests/bench/playwright.bench.config.ts batch-run.bench`.
 */
import fs from 'node:fs';
import { test, expect } from '../e2e/fixtures';
import { configure } from '../e2e/support/extension';
import { makeImage } from '../e2e/support/images';
import { galleryCandidate, openGallery, sendFromPage, storedBatch } from '../e2e/support/batch';
import { validateChatRequest } from '../support/openai-contract';

const IMAGES = 100;

test(`batch: ${IMAGES} images, Start → all done, bytes downloaded`, async ({ ext, provider, site, scratch }) => {
  test.setTimeout(8 * 60_000);
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  provider.fallback = { kind: 'stream', text: 'red fox, snow, golden hour', pieces: 1, delayMs: 0 };

  const huge = await makeImage(scratch, { width: 4000, height: 3000, color: [90, 120, 160], noise: 40 });
  const sizes = new Map<string, number>();
  const candidates = [];
  for (let i = 0; i < IMAGES; i++) {
    const shown = await makeImage(scratch, {
      width: 1200,
      height: 900,
      color: [(i * 53) % 256, (i * 97) % 256, (i * 151) % 256],
      noise: 40,
    });
    sizes.set(`/bench/${i}-1200.jpg`, shown.length);
    sizes.set(`/bench/${i}-4000.jpg`, huge.length);
    candidates.push(galleryCandidate(site, 'bench', i, shown, huge));
  }
  const pageUrl = site.page('/bench-gallery.html', '<!doctype html><title>Bench gallery</title>');
  const { options, tabId } = await openGallery(ext, pageUrl);
  const hitsBefore = site.hits.length;
  // The fake provider checks each request against OpenAI's spec; compiling it blocks this process
  // (and so the fake servers) for seconds at the first request: done before the clock starts.
  validateChatRequest({});

  const started = Date.now();
  const batchId = await sendFromPage<string>(options, 'startBatch', {
    tabId,
    pageUrl,
    pageTitle: 'Bench gallery',
    style: 'stable-diffusion',
    detail: 'standard',
    candidates,
  });
  const batch = () => storedBatch(options, batchId);
  await expect.poll(async () => (await batch()).state, { timeout: 6 * 60_000, intervals: [50] }).toBe('done');
  const totalMs = Date.now() - started;
  const done = (await batch()).items.filter((item) => item.status === 'done').length;

  const hits = site.hits.slice(hitsBefore).filter((path) => path.startsWith('/bench/'));
  const downloaded = hits.reduce((sum, path) => sum + (sizes.get(path) ?? 0), 0);
  const largest = IMAGES * huge.length;
  const result = {
    images: IMAGES,
    done,
    totalMs,
    perImageMs: Math.round(totalMs / IMAGES),
    providerRequests: provider.requests.length,
    providerMaxInFlight: provider.maxInFlight,
    downloads: hits.length,
    downloadedBytes: downloaded,
    largestCandidatesBytes: largest,
    downloadedShare: Number((downloaded / largest).toFixed(3)),
  };
  console.table(result);
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/batch-run.json', `${JSON.stringify(result, null, 2)}\n`);
  expect(done).toBe(IMAGES);
  expect(hits.filter((path) => path.includes('-4000'))).toEqual([]);
});

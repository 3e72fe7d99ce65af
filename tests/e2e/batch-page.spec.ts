/**
 * "All images on this page…" (issue 13), the part a user sees before and around the runner: the
 * native menu entry on plain text, the scan of every frame (two origins, an iframe of each, a
 * shadow root, every image kind), what the pick view lists and leaves out, Start reaching the
 * worker, and the run view of a stored batch reopened as from the popup.
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure, openPopup, type Extension } from './support/extension';
import { axeViolations } from './support/axe';
import { checkFocusOrder } from './support/focus-check';
import { makeImage } from './support/images';
import type { TestSite } from './support/test-site';

/** On plain text the entry stands alone, just above "View page source" and "Inspect". */
const PAGE_ITEM = ['Up', 'Up', 'Up', 'Return'];

/** What the pick view must list by default (128 px short side): every kind, both origins, both frames. */
const NAMED = [
  'Red square',
  'Blue sky',
  'Green field',
  'lazy-yellow.png',
  'purple-bg.png',
  'In the shadow',
  'Framed picture',
  'Same-origin frame',
];
/** The inline SVG, the canvas and the video have neither alt text nor a file name. */
const UNNAMED = 3;

async function buildGallery(site: TestSite, scratch: Page): Promise<string> {
  const png = (width: number, height: number, color: [number, number, number]) =>
    makeImage(scratch, { width, height, color, type: 'image/png' });
  site.add('/red.png', await png(600, 400, [210, 30, 30]), 'image/png');
  site.add('/blue-400.png', await png(400, 300, [30, 70, 220]), 'image/png');
  site.add('/blue-800.png', await png(800, 600, [30, 70, 220]), 'image/png');
  site.add('/green.png', await png(500, 300, [30, 170, 60]), 'image/png');
  site.add(
    '/green.webp',
    await makeImage(scratch, { width: 500, height: 300, color: [30, 170, 60], type: 'image/webp' }),
    'image/webp',
  );
  site.add('/lazy-yellow.png', await png(600, 400, [230, 200, 20]), 'image/png');
  site.add('/purple-bg.png', await png(640, 360, [140, 40, 180]), 'image/png');
  site.add('/cyan.png', await png(300, 300, [20, 190, 200]), 'image/png');
  site.add('/framed.png', await png(400, 300, [90, 90, 90]), 'image/png');
  site.add('/same-frame.png', await png(400, 300, [200, 120, 40]), 'image/png');
  site.add('/icon.png', await png(24, 24, [0, 0, 0]), 'image/png');
  site.add('/pixel.png', await png(1, 1, [255, 255, 255]), 'image/png');
  site.add('/small.png', await png(100, 100, [120, 200, 120]), 'image/png');
  site.add(
    '/clip.webm',
    await makeImage(scratch, { width: 320, height: 240, color: [40, 40, 160], type: 'video/webm' }),
    'video/webm',
  );
  site.add(
    '/frame.html',
    '<!doctype html><body style="margin:0"><img src="/framed.png" alt="Framed picture" width="300" height="200">',
    'text/html',
  );
  site.page(
    '/same-frame.html',
    '<!doctype html><body style="margin:0"><img src="/same-frame.png" alt="Same-origin frame" width="300" ' +
      'height="200">',
  );
  return site.page(
    '/gallery.html',
    `<!doctype html><html lang="en"><title>Test gallery</title><body style="margin:20px;font:16px sans-serif">
      <p id="intro">A gallery of every kind of picture, with icons that are not pictures.</p>
      <img src="/icon.png" width="24" height="24" alt="Menu icon">
      <svg width="16" height="16"><circle cx="8" cy="8" r="7" fill="black"/></svg>
      <img src="{{IMG}}/pixel.png" width="1" height="1" alt="">
      <div style="display:flex;flex-wrap:wrap;gap:8px">
        <img src="{{IMG}}/red.png" alt="Red square" width="300" height="200">
        <img src="{{IMG}}/blue-400.png" srcset="{{IMG}}/blue-400.png 400w, {{IMG}}/blue-800.png 800w" sizes="300px" ` +
      `alt="Blue sky">
        <picture><source srcset="/green.webp" type="image/webp"><img src="/green.png" alt="Green field" width="300" ` +
      `height="180"></picture>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="{{IMG}}/lazy-yellow.png" width="300" ` +
      `height="200">
        <div style="width:320px;height:180px;background:url({{IMG}}/purple-bg.png) center/cover"></div>
        <svg width="200" height="200" viewBox="0 0 10 10"><rect width="10" height="10" fill="teal"/></svg>
        <canvas id="art" width="256" height="256"></canvas>
        <video id="clip" src="/clip.webm" width="320" height="240" muted autoplay loop></video>
        <div id="host"></div>
        <iframe src="{{IMG}}/frame.html" width="320" height="220" style="border:0"></iframe>
        <iframe src="/same-frame.html" width="320" height="220" style="border:0"></iframe>
        <img src="{{IMG}}/red.png" alt="Red square again" width="150" height="100">
        <img src="/small.png" alt="Small thumbnail" width="100" height="100">
      </div>
      <script>
        const ctx = document.getElementById('art').getContext('2d');
        ctx.fillStyle = 'rgb(140,40,180)';
        ctx.fillRect(0, 0, 256, 256);
        document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
          '<img src="{{IMG}}/cyan.png" alt="In the shadow" width="200" height="200">';
      </script>`,
  );
}

/** Records the Batch page's messages to the runner (not in this branch) as the worker receives them. */
async function recordBatchMessages(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const log: Array<{ type: string; data: unknown }> = [];
    (globalThis as any).__batchMessages = log;
    (globalThis as any).chrome.runtime.onMessage.addListener((message: { type?: string; data?: unknown }) => {
      if (['startBatch', 'controlBatch', 'retryBatchItems'].includes(message?.type ?? ''))
        log.push({ type: message.type!, data: message.data });
    });
  });
}
function setLanguage(worker: Worker, uiLanguage: string): Promise<void> {
  return worker.evaluate(async (language) => {
    const chrome = (globalThis as any).chrome;
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, uiLanguage: language } });
  }, uiLanguage);
}

const batchMessages = (worker: Worker) =>
  worker.evaluate(() => (globalThis as any).__batchMessages as Array<{ type: string; data: any }>);

/** What an extension page sends: the popup's "All images on this page…" button. */
function openBatchAsPopup(page: Page, tabId: number): Promise<unknown> {
  return page.evaluate(
    (tab) =>
      (globalThis as any).chrome.runtime
        .sendMessage({ id: 1, type: 'openBatch', data: { tabId: tab }, timestamp: Date.now() })
        .catch(() => undefined),
    tabId,
  );
}

async function openGalleryBatch(
  ext: Extension,
  site: TestSite,
  scratch: Page,
): Promise<{ gallery: Page; batch: Page }> {
  const url = await buildGallery(site, scratch);
  const gallery = await ext.context.newPage();
  await gallery.goto(url);
  await gallery.waitForFunction(
    () =>
      [...document.images].every((img) => img.complete) &&
      (document.getElementById('clip') as HTMLVideoElement).readyState >= 2,
  );
  const opened = ext.context.waitForEvent('page', { predicate: (page) => page.url().includes('/batch.html') });
  await chooseFromContextMenu(gallery, '#intro', PAGE_ITEM);
  const batch = await opened;
  await batch.waitForLoadState();
  return { gallery, batch };
}

const checkboxNames = (batch: Page) =>
  batch.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.closest('label')!.textContent!.trim()));

test('the menu on plain text opens the Batch page, which lists exactly the pictures of every frame', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  const { batch } = await openGalleryBatch(ext, site, scratch);

  await expect(batch.getByRole('heading', { name: 'All images on this page' })).toBeVisible();
  await expect(batch.getByText(`${NAMED.length + UNNAMED} images`)).toBeVisible();
  const names = await checkboxNames(batch);
  expect(names.filter((name) => !/^Image \d+$/.test(name)).sort()).toEqual([...NAMED].sort());
  expect(names.filter((name) => /^Image \d+$/.test(name))).toHaveLength(UNNAMED);
  // Icons, the tracking pixel, the small thumbnail and the duplicate are left out.
  for (const left of ['Menu icon', 'Small thumbnail', 'Red square again', 'pixel.png'])
    expect(names.some((name) => name.includes(left))).toBe(false);
  // Every one is ticked at first; each card says its size and where it comes from.
  await expect(batch.getByRole('checkbox', { checked: false })).toHaveCount(0);
  const red = batch.locator('.card', { has: batch.getByRole('checkbox', { name: 'Red square' }) });
  await expect(red).toContainText('600 × 400');
  await expect(red).toContainText(new URL(site.imageOrigin).host);
  // A srcset candidate's file size is its width descriptor's (400w), not its density-scaled size.
  const blue = batch.locator('.card', { has: batch.getByRole('checkbox', { name: 'Blue sky' }) });
  await expect(blue).toContainText('400 × 300');
  // The canvas's thumbnail was drawn in the page: the card shows a picture, not "No preview".
  await expect(batch.locator('img.preview[src^="data:image/png"]').first()).toBeVisible();

  // Select none / all, and one unticked by hand.
  await batch.getByRole('button', { name: 'Select none' }).click();
  await expect(batch.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(batch.getByRole('button', { name: 'Start' })).toBeDisabled();
  await batch.getByRole('button', { name: 'Select all' }).click();
  await expect(batch.getByRole('checkbox', { checked: false })).toHaveCount(0);
  await batch.getByRole('checkbox', { name: 'Blue sky' }).uncheck();
  await expect(batch.getByText(`${NAMED.length + UNNAMED - 1} of ${NAMED.length + UNNAMED} selected`)).toBeVisible();

  // A smaller minimum size lets the 100 px thumbnail in, ticked; the icons stay out.
  await batch.getByLabel('Minimum size (short side, px)').fill('64');
  await expect(batch.getByRole('checkbox', { name: 'Small thumbnail' })).toBeChecked();
  expect((await checkboxNames(batch)).some((name) => name.includes('Menu icon'))).toBe(false);
  await batch.getByLabel('Minimum size (short side, px)').fill('128');
  await expect(batch.getByRole('checkbox', { name: 'Small thumbnail' })).toHaveCount(0);
  // The choice made before survives the filter and a Rescan.
  await batch.getByRole('button', { name: 'Rescan' }).click();
  await expect(batch.getByRole('checkbox', { name: 'Blue sky' })).not.toBeChecked();

  // Nothing for axe to find, and nothing wider than the window.
  expect(await axeViolations(batch)).toEqual([]);
  expect(await batch.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
    true,
  );

  // Every control, each checkbox included, is reached by Tab and shows its focus.
  const keyboard = await checkFocusOrder(batch);
  expect(keyboard.stops.length, keyboard.stops.join('\n')).toBeGreaterThan(NAMED.length + UNNAMED + 6);
  expect(keyboard.problems).toEqual([]);

  // Screenshots for review: light, dark, and Arabic (right to left).
  await batch.screenshot({ path: 'test-results/screenshots/batch-pick-light.png', fullPage: true });
  await batch.emulateMedia({ colorScheme: 'dark' });
  expect((await checkFocusOrder(batch)).problems).toEqual([]);
  await batch.screenshot({ path: 'test-results/screenshots/batch-pick-dark.png', fullPage: true });
  const worker = await ext.worker();
  await setLanguage(worker, 'ar');
  await expect(batch.locator('html')).toHaveAttribute('dir', 'rtl');
  await batch.emulateMedia({ colorScheme: 'light' });
  await batch.screenshot({ path: 'test-results/screenshots/batch-pick-ar.png', fullPage: true });

  // Start: the request reaches the worker with the ticked images, the style and detail chosen here.
  await setLanguage(worker, 'en');
  await expect(batch.locator('html')).toHaveAttribute('dir', 'ltr');
  await recordBatchMessages(worker);
  await batch.getByLabel('Style').selectOption({ label: 'Flux' });
  await batch.getByRole('button', { name: 'Start' }).click();
  await expect.poll(async () => (await batchMessages(worker)).length).toBe(1);
  const [{ type, data }] = (await batchMessages(worker)) as [{ type: string; data: any }];
  expect(type).toBe('startBatch');
  expect(data.style).toBe('flux');
  expect(data.pageTitle).toBe('Test gallery');
  expect(data.candidates).toHaveLength(NAMED.length + UNNAMED - 1);
  expect(data.candidates.map((c: { name: string }) => c.name)).not.toContain('Blue sky');
  const framed = data.candidates.find((c: { name: string }) => c.name === 'Framed picture');
  expect(framed.frameId).toBeGreaterThan(0);
  expect(data.candidates.every((c: { thumbnail?: string }) => c.thumbnail === undefined)).toBe(true);
  const canvas = data.candidates.find((c: { kind: string }) => c.kind === 'canvas');
  expect(canvas.elementRef).toMatch(/^pl-\d+$/);
});

test('a stored batch shows where it is when the page is reopened, with its controls', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  const { batch } = await openGalleryBatch(ext, site, scratch);
  await expect(batch.getByRole('checkbox').first()).toBeVisible();
  const tabId = Number(new URL(batch.url()).searchParams.get('tab'));
  const worker = await ext.worker();
  await recordBatchMessages(worker);
  await batch.getByRole('button', { name: 'Start' }).click();
  await expect.poll(async () => (await batchMessages(worker)).length).toBe(1);
  const request = (await batchMessages(worker))[0]!.data;

  // What the runner (another module) would have written by now: five images in every state, paused by itself.
  const jobId = '00000000-0000-4000-8000-000000000001';
  await batch.evaluate(
    ({ request, jobId }) =>
      new Promise<void>((resolve, reject) => {
        const statuses = ['done', 'failed', 'writing', 'fetching', 'waiting'];
        const now = Date.now();
        const record = {
          id: 'batch-1',
          tabId: request.tabId,
          pageUrl: request.pageUrl,
          pageTitle: request.pageTitle,
          style: request.style,
          detail: request.detail,
          createdAt: now,
          updatedAt: now,
          state: 'paused',
          pausedBy: { code: 'server', status: 503 },
          items: request.candidates.slice(0, 5).map((candidate: { id: string }, i: number) => ({
            id: candidate.id,
            candidate,
            status: statuses[i],
            ...(i === 0 ? { jobId, startedAt: now - 4000, finishedAt: now - 1000 } : {}),
            ...(i === 1 ? { error: { code: 'image-fetch', status: 404 }, finishedAt: now } : {}),
          })),
        };
        const open = indexedDB.open('promptlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['batches', 'jobs'], 'readwrite');
          tx.objectStore('batches').put(record);
          tx.objectStore('jobs').put({
            id: jobId,
            imageId: 'img-1',
            createdAt: now,
            status: 'done',
            text: 'A red square on white, flat colour.',
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { request, jobId },
  );

  // Closed, then reopened as the popup's button does: the batch where it is.
  await batch.close();
  const popup = await openPopup(ext);
  const reopened = ext.context.waitForEvent('page', { predicate: (page) => page.url().includes('/batch.html') });
  await openBatchAsPopup(popup, tabId);
  const page = await reopened;
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText('2 of 5', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The batch paused itself:');
  await expect(page.getByText('A red square on white, flat colour.')).toBeVisible();
  await expect(page.locator('.card[data-status="waiting"]')).toContainText('Waiting');
  await expect(page.locator('.card[data-status="fetching"]')).toContainText('Downloading');

  // The same tab's page is reused, not opened twice.
  await openBatchAsPopup(popup, tabId);
  await page.waitForTimeout(500);
  expect(ext.context.pages().filter((p) => p.url().includes('/batch.html'))).toHaveLength(1);

  // Retry the failed image, Resume, Stop: each reaches the worker for the runner.
  await page
    .locator('.card[data-status="failed"]')
    .getByRole('button', { name: /^Retry/ })
    .click();
  // Every failed image at once: one message without an image.
  await page.getByRole('button', { name: 'Retry failed images' }).click();
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect
    .poll(async () => (await batchMessages(worker)).map((m) => m.type))
    .toEqual(['startBatch', 'retryBatchItems', 'retryBatchItems', 'controlBatch', 'controlBatch']);
  const messages = await batchMessages(worker);
  expect(messages[1]!.data).toEqual({ batchId: 'batch-1', itemId: request.candidates[1].id });
  expect(messages[2]!.data).toEqual({ batchId: 'batch-1' });
  expect(messages.slice(3).map((m) => m.data.action)).toEqual(['resume', 'stop']);

  expect(await axeViolations(page)).toEqual([]);

  // Screenshots for review: light, dark, and Arabic (right to left).
  await page.screenshot({ path: 'test-results/screenshots/batch-run-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screenshots/batch-run-dark.png', fullPage: true });
  await setLanguage(worker, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: 'test-results/screenshots/batch-run-ar.png', fullPage: true });
});

import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure, openPopup, type Extension } from './support/extension';
import { makeImage } from './support/images';
import { jobRecords, storedRows } from './support/job-records';
import { pageWithImage, generateFrom } from './support/scenario';
import type { TestSite } from './support/test-site';

const BURST = 20;

/** A page showing `count` distinct images (each its own size and colour) in a grid. */
async function gallery(site: TestSite, scratch: Page, count: number): Promise<string> {
  const cells: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = await makeImage(scratch, {
      width: 300 + i * 7,
      height: 200 + i * 5,
      color: [(i * 53) % 256, (i * 97) % 256, (i * 151) % 256],
    });
    site.add(`/burst/${i}.jpg`, body, 'image/jpeg');
    cells.push(`<img id="i${i}" src="{{IMG}}/burst/${i}.jpg" width="150" height="100" alt="">`);
  }
  return site.page(
    '/gallery.html',
    `<!doctype html><title>Gallery</title><body ` +
      `style="margin:10px;display:grid;grid-template-columns:repeat(5,160px);gap:8px">${cells.join('')}`,
  );
}

async function setPromptsAtOnce(ext: Extension, value: number): Promise<void> {
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.getByLabel('Prompts at once').fill(String(value));
  await expect(options.getByRole('status').first()).toHaveText('Saved');
  await options.close();
}

test(
  `a burst of ${BURST} right-clicks: every one ends in history ` + `once, never more than 2 at the provider at once`,
  async ({ ext, provider, site, scratch }) => {
    test.setTimeout(180_000);
    await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
    // ~2.5 s an answer: the clicks pile up behind the two slots.
    provider.fallback = {
      kind: 'stream',
      text: 'A bright abstract colour field, flat light, minimal composition.',
      pieces: 8,
      delayMs: 300,
    };
    const page = await ext.context.newPage();
    await page.goto(await gallery(site, scratch, BURST));
    await page.waitForFunction((n) => [...document.images].filter((img) => img.complete).length === n, BURST);

    // As fast as a hurried user: the same real right-click and native menu as the shared helper,
    // without its set-up between clicks. After the first, the user sees the popup open, then goes on.
    const boxes = await Promise.all(Array.from({ length: BURST }, (_, i) => page.locator(`#i${i}`).boundingBox()));
    const started = Date.now();
    await chooseFromContextMenu(page, '#i0');
    await page.waitForTimeout(1000);
    for (const box of boxes.slice(1)) {
      await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2, { button: 'right' });
      await page.waitForTimeout(150);
      execFileSync('xdotool', ['key', '--delay', '30', 'Up', 'Up', 'Right', 'Return']);
    }
    const clicking = Date.now() - started;
    test.info().annotations.push({ type: 'burst', description: `${BURST} menu choices in ${clicking} ms` });

    const popup = await openPopup(ext);
    await expect
      .poll(async () => (await jobRecords(popup)).filter((job) => job.status === 'done').length, { timeout: 120_000 })
      .toBe(BURST);
    const jobs = await jobRecords(popup);
    expect(jobs).toHaveLength(BURST);
    // Each image once: its own address, its own size.
    expect(new Set(jobs.map((job) => job.source.imageUrl)).size).toBe(BURST);
    expect(new Set(jobs.map((job) => `${job.image?.originalWidth}x${job.image?.originalHeight}`)).size).toBe(BURST);
    expect(provider.requests).toHaveLength(BURST);
    expect(new Set(provider.requests.map((request) => request.image?.dataUrl)).size).toBe(BURST);
    expect(provider.maxInFlight).toBe(2);
    expect(jobs.every((job) => job.ahead === undefined)).toBe(true);
    expect(await storedRows(popup, 'history')).toHaveLength(BURST);
  },
);

test('waiting jobs say how many are ahead; a stopped worker resumes them, and Cancel takes one out of line', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  test.setTimeout(120_000);
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  await setPromptsAtOnce(ext, 1);
  // Slow enough (30 s) that the first job is still streaming when the worker is stopped, even on a loaded machine.
  provider.reply({
    kind: 'stream',
    text: 'one two three four five six seven eight nine ten',
    pieces: 10,
    delayMs: 3000,
  });
  const colours: Array<[number, number, number]> = [
    [200, 40, 40],
    [40, 200, 40],
    [40, 40, 200],
    [200, 200, 40],
  ];
  for (const color of colours)
    await generateFrom(ext, await pageWithImage(site, scratch, { width: 640, height: 480, color }));

  const popup = await openPopup(ext);
  // The newest job is shown: two wait before it.
  await expect(popup.getByRole('status').filter({ hasText: 'Waiting for a free slot' })).toHaveText(
    'Waiting for a free slot (2 ahead)…',
  );
  expect(provider.maxInFlight).toBe(1);
  const inClickOrder = async () => (await jobRecords(popup)).sort((a, b) => a.createdAt - b.createdAt);
  // Cancel the newest while it waits: it leaves the line and never reaches the provider.
  await popup.getByRole('button', { name: 'Cancel' }).click();
  await expect(popup.getByRole('alert').locator('strong')).toHaveText('Cancelled.');

  // The browser stops the worker while one job streams and two wait.
  const cdp = await ext.context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await popup.reload();

  await expect
    .poll(async () => (await inClickOrder()).map((job) => job.status), { timeout: 30_000 })
    .toEqual(['failed', 'done', 'done', 'failed']);
  const [first, second, third, fourth] = await inClickOrder();
  expect(first!.error?.code).toBe('interrupted');
  expect(first!.text).toContain('one');
  expect(fourth!.error?.code).toBe('cancelled');
  expect(second!.text).toBe(third!.text);
  // 1 interrupted + 2 resumed; the cancelled one never went out. One at a time throughout.
  expect(provider.requests).toHaveLength(3);
  expect(provider.maxInFlight).toBe(1);
});

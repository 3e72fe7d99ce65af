/**
 * npm run bench: the history library at 10,000 entries. How long the popup takes to show its
 * first rows and be free to respond, and how long search takes to answer, in real Chromium.
 * A benchmark, not a test: it prints a table and writes bench-results/history-10k.json.
 */
import fs from 'node:fs';
import { test } from '../e2e/fixtures';
import { openPopup } from '../e2e/support/extension';
import { seedHistory } from './seed-history';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000);
/** Entries with a recreation, whose thumbnail the row shows beside the original's. */
const RECREATIONS = Math.round(ENTRIES / 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const QUERIES = ['fox', 'gallery 9999', 'castle river', 'zzz-nothing', 'velvet marble owl'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Records when the first history row appears, and when the main thread is next free after it. */
const watchFirstRow = () => {
  const w = window as unknown as { __firstRow?: number; __idle?: number };
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.history-item')) return;
    observer.disconnect();
    w.__firstRow = performance.now();
    setTimeout(() => (w.__idle = performance.now()), 0);
  }).observe(document, { childList: true, subtree: true });
};

test(`history with ${ENTRIES} entries (${RECREATIONS} recreated): popup first rows and search`, async ({ ext }) => {
  const setup = await openPopup(ext);
  await setup.waitForSelector('h1');
  const seededAt = Date.now();
  await seedHistory(setup, ENTRIES, RECREATIONS);
  console.log(`seeded ${ENTRIES} entries (${RECREATIONS} with a recreation) in ${Date.now() - seededAt} ms`);
  await setup.close();

  const open: Array<{ firstRow: number; interactive: number }> = [];
  const search: Record<string, number[]> = Object.fromEntries(QUERIES.map((q) => [q, []]));
  for (let run = 0; run <= RUNS; run++) {
    const page = await ext.context.newPage();
    await page.addInitScript(watchFirstRow);
    await page.goto(ext.url('popup.html'));
    await page.waitForFunction(() => (window as unknown as { __idle?: number }).__idle);
    const times = await page.evaluate(() => ({
      firstRow: (window as any).__firstRow as number,
      interactive: (window as any).__idle as number,
    }));
    if (run > 0) open.push(times);
    for (const query of QUERIES) {
      const ms = await page.evaluate(async (query) => {
        const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
        const list = () =>
          [...document.querySelectorAll('.history-preview, .no-match')].map((e) => e.textContent).join('|');
        const before = list();
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const start = performance.now();
        setValue.call(input, query);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => {
          const check = () =>
            list() !== before || performance.now() - start > 2000 ? resolve() : requestAnimationFrame(check);
          check();
        });
        const answered = performance.now() - start;
        setValue.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 100));
        return answered;
      }, query);
      if (run > 0) search[query]!.push(ms);
    }
    await page.close();
  }
  const rows = [
    {
      measure: 'popup: first history row (ms after navigation)',
      medianMs: Math.round(median(open.map((o) => o.firstRow))),
    },
    {
      measure: 'popup: interactive (main thread free after it)',
      medianMs: Math.round(median(open.map((o) => o.interactive))),
    },
    ...QUERIES.map((q) => ({
      measure: `search "${q}" → list updated (incl. frame)`,
      medianMs: Math.round(median(search[q]!)),
    })),
  ];
  console.log(`\nhistory with ${ENTRIES} entries, ${RUNS} runs`);
  console.table(rows);
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(
    'bench-results/history-10k.json',
    JSON.stringify({ date: new Date().toISOString(), entries: ENTRIES, runs: RUNS, rows }, null, 2),
  );
});

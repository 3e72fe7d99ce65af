/**
 * npm run bench: importing a 10,000-entry history export (two prompts and a ~3 KB thumbnail per
 * entry, as a real library has) through the options page, in real Chromium: from the file being
 * chosen to "Imported …" on screen (read, parse, schema check, decode, one transaction). Then the
 * same file again (everything merged), and Export JSON of the result.
 * A benchmark, not a test: it prints a table and writes bench-results/history-import.json.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test } from '../e2e/fixtures';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_THUMBNAILS=0: the same without thumbnails, to see what storing 10,000 blobs costs. */
const THUMBNAILS = process.env.BENCH_THUMBNAILS !== '0';

function exportFile(count: number): string {
  const thumbnail = `data:image/webp;base64,${randomBytes(3000).toString('base64')}`;
  const prompt = (id: string, at: number, style: string, text: string) => ({
    id,
    createdAt: at,
    updatedAt: at + 4000,
    status: 'done',
    style,
    detail: 'standard',
    language: 'en',
    provider: 'openai',
    model: 'gpt-5.4-mini',
    text,
    kind: 'text',
    image: { originalWidth: 1600, originalHeight: 1200, width: 1024, height: 768, mime: 'image/jpeg', bytes: 180_000 },
    usage: { promptTokens: 1100, completionTokens: 90 },
  });
  const start = Date.UTC(2024, 0, 1);
  const entries = Array.from({ length: count }, (_, i) => {
    const at = start + i * 60_000;
    return {
      id: `image-${i}`,
      createdAt: at,
      updatedAt: at + 30_000,
      favorite: i % 17 === 0,
      source: {
        pageUrl: `https://example.com/gallery/${i}`,
        pageTitle: `Gallery page ${i}`,
        imageUrl: `https://img.example.com/${i}.jpg`,
      },
      ...(THUMBNAILS ? { thumbnail } : {}),
      prompts: [
        prompt(
          `prompt-${i}-a`,
          at,
          'natural',
          `A red fox number ${i} crossing fresh snow at golden hour, soft rim light, shallow depth of field, film ` +
            `grain, quiet winter mood.`,
        ),
        prompt(
          `prompt-${i}-b`,
          at + 30_000,
          'midjourney',
          `red fox ${i}, fresh snow, golden hour, rim light, shallow depth of field, film grain --ar 4:3`,
        ),
      ],
    };
  });
  return JSON.stringify({ format: 'promptlens-history', version: 1, exportedAt: new Date().toISOString(), entries });
}

async function importFile(options: Page, file: string): Promise<number> {
  const [chooser] = await Promise.all([
    options.waitForEvent('filechooser'),
    options.getByRole('button', { name: 'Import…' }).click(),
  ]);
  const started = Date.now();
  await chooser.setFiles(file);
  await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 120_000 });
  return Date.now() - started;
}

/** The bench starts each run from an empty history (straight through IndexedDB: not what is measured). */
async function clearDatabase(options: Page): Promise<void> {
  await options.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('promptlens');
        open.onsuccess = () => {
          const names = ['jobs', 'history', 'thumbnails', 'images'];
          const tx = open.result.transaction(names, 'readwrite');
          for (const name of names) tx.objectStore(name).clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await options.reload();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

test('import 10,000 entries', async ({ ext }) => {
  test.setTimeout(15 * 60_000);
  const dir = fs.mkdtempSync(path.join(ext.userDataDir, 'bench-'));
  const file = path.join(dir, 'history.json');
  fs.writeFileSync(file, exportFile(ENTRIES));
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  const fresh: number[] = [];
  const merged: number[] = [];
  const exported: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await clearDatabase(options);
    fresh.push(await importFile(options, file));
    merged.push(await importFile(options, file));
    const started = Date.now();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    await download.path();
    exported.push(Date.now() - started);
  }
  const row = (name: string, xs: number[]) => ({
    step: name,
    medianMs: median(xs),
    minMs: Math.min(...xs),
    maxMs: Math.max(...xs),
  });
  const rows = [
    row(`import ${ENTRIES} into an empty history`, fresh),
    row(`import the same ${ENTRIES} again (all merged)`, merged),
    row(`export JSON of ${ENTRIES}`, exported),
  ];
  console.log(
    `\nhistory import/export, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB ` +
      `file${THUMBNAILS ? '' : ' (no thumbnails)'}, ${RUNS} runs`,
  );
  console.table(rows);
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(
    'bench-results/history-import.json',
    JSON.stringify(
      {
        date: new Date().toISOString(),
        entries: ENTRIES,
        thumbnails: THUMBNAILS,
        fileBytes: fs.statSync(file).size,
        runs: RUNS,
        rows,
      },
      null,
      2,
    ),
  );
});

/**
 * npm run bench: time from choosing the menu item to the request reaching the provider, and the
 * image bytes sent, for a 12 MP JPEG (~4 MB) and a 4096×4096 WebP (~8 MB), in real Chromium.
 * A benchmark, not a test: it prints a table and writes bench-results/click-to-request.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from '../e2e/fixtures';
import { chooseFromContextMenu, configure } from '../e2e/support/extension';
import { makeImage, type ImageSpec } from '../e2e/support/images';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const subjects: Array<{ name: string; spec: ImageSpec }> = [
  { name: '12 MP JPEG', spec: { width: 4000, height: 3000, color: [120, 90, 60], noise: 90, type: 'image/jpeg' } },
  {
    name: '4096×4096 WebP',
    spec: { width: 4096, height: 4096, color: [60, 110, 150], noise: 120, type: 'image/webp' },
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

test('click → request', async ({ ext, provider, site, scratch }) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  provider.fallback = { kind: 'stream', text: 'ok' };
  const rows: Array<Record<string, unknown>> = [];
  (await ext.worker()).on('console', (m) => m.text().startsWith('T ') && console.log(m.text()));
  for (const subject of subjects) {
    const bytes = await makeImage(scratch, subject.spec);
    const path = `/img/bench-${rows.length}`;
    site.add(path, bytes, subject.spec.type!);
    const url = site.page(
      `/bench-${rows.length}.html`,
      `<!doctype html><img id="target" src="{{IMG}}${path}" width="600">`,
    );
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (document.getElementById('target') as HTMLImageElement).complete);
    const times: number[] = [];
    const sent: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const before = provider.requests.length;
      await chooseFromContextMenu(page, '#target', ['Up', 'Up', 'Right']);
      const clickedAt = Date.now();
      console.log('T return', clickedAt);
      execFileSync('xdotool', ['key', 'Return']);
      const requests = await provider.waitForRequests(before + 1);
      const request = requests[before]!;
      if (run === 0) continue; // warm-up: first start of the worker's code paths
      console.log('T arrived', request.at);
      times.push(request.at - clickedAt);
      sent.push(request.image!.bytes.length);
      await page.waitForTimeout(300);
    }
    rows.push({
      image: subject.name,
      sourceBytes: bytes.length,
      runs: times.length,
      medianMs: median(times),
      p90Ms: pct(times, 0.9),
      minMs: Math.min(...times),
      imageBytesSent: median(sent),
      requestBytes: provider.requests.at(-1)!.body ? JSON.stringify(provider.requests.at(-1)!.body).length : 0,
    });
    await page.close();
  }
  console.log('\nclick → request (ms), image bytes sent');
  console.table(rows);
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(
    'bench-results/click-to-request.json',
    JSON.stringify({ date: new Date().toISOString(), runs: RUNS, rows }, null, 2),
  );
});

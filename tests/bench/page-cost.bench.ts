/**
 * npm run bench: what the content script costs a page the user never right-clicks. A page with
 * 2,000 images and 50 iframes is loaded, then scrolled for 10 s with the pointer moving over it,
 * in two browsers side by side: one with PromptLens, one without. Main-thread time from CDP's
 * Performance metrics (TaskDuration: every task; ScriptDuration: JavaScript, content scripts
 * included) of the page's renderer. The frames are same-origin, so they share that renderer and
 * their content scripts are counted too. The page runs no script of its own, so its
 * ScriptDuration with PromptLens is what PromptLens adds; TaskDuration varies by more than that
 * between two loads of the same page, so the added share is that script time over the task time
 * without PromptLens. Writes bench-results/page-cost.json.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from '../e2e/fixtures';
import { browserArgs, CHROMIUM } from '../e2e/support/extension';
import { makeImage } from '../e2e/support/images';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IMAGES = 2000;
const FRAMES = 50;
const SCROLL_MS = 10_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Cost {
  task: number;
  script: number;
}

async function metrics(page: Page): Promise<{ read: () => Promise<Cost> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return {
    async read() {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      const value = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
      return { task: value('TaskDuration'), script: value('ScriptDuration') };
    },
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/**
 * BENCH_PROFILE=scroll (or 1) / load: a CPU profile of that phase in the browser with PromptLens,
 * printed as functions by self time (what to make cheaper next). Not for the figures: profiling
 * costs time.
 */
async function profiled(page: Page, phase: 'load' | 'scroll'): Promise<{ stop: () => Promise<void> }> {
  const wanted = process.env.BENCH_PROFILE === '1' ? 'scroll' : process.env.BENCH_PROFILE;
  if (wanted !== phase) return { stop: async () => {} };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const self = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        const frame = byId.get(id)!.callFrame;
        const file = frame.url.split('/').pop() ?? '';
        const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
      });
      const ours = [...self].filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)'));
      console.table(
        ours
          .sort((a, b) => b[1] - a[1])
          .slice(0, 25)
          .map(([fn, ms]) => ({ fn, ms: Number(ms.toFixed(1)) })),
      );
    },
  };
}

/** Load (until images are in and the page is idle) and 10 s of scrolling, each as main-thread ms. */
async function measure(context: BrowserContext, url: string): Promise<{ load: Cost; scroll: Cost }> {
  const page = await context.newPage();
  await page.bringToFront();
  const probe = await metrics(page);
  const loading = await profiled(page, 'load');
  await page.goto(url, { waitUntil: 'load' });
  // document_idle has passed at load; give the content scripts of all frames their turn.
  await page.waitForTimeout(1500);
  const load = await probe.read();
  await loading.stop();
  // The pointer rests on the page, as a hand on a mouse wheel does, and glides a little each second.
  await page.mouse.move(400, 300);
  const profile = await profiled(page, 'scroll');
  const started = Date.now();
  for (let step = 0; Date.now() - started < SCROLL_MS; step++) {
    if (step % 20 === 0) await page.mouse.move(300 + (step % 400), 300, { steps: 5 });
    await page.mouse.wheel(0, step % 160 < 120 ? 120 : -120);
    await page.waitForTimeout(50);
  }
  const after = await probe.read();
  await profile.stop();
  await page.close();
  return { load, scroll: { task: after.task - load.task, script: after.script - load.script } };
}

test.setTimeout(40 * 60_000);

test(`a page of ${IMAGES} images and ${FRAMES} iframes: main-thread time with PromptLens / without`, async ({
  ext,
  site,
  scratch,
}) => {
  site.add(
    '/img/tile.jpg',
    await makeImage(scratch, { width: 160, height: 120, color: [90, 120, 150], noise: 40 }),
    'image/jpeg',
  );
  site.add(
    '/frame.html',
    `<!doctype html><body ` +
      `style="margin:0">${Array.from(
        { length: 4 },
        (_, i) => `<img src="/img/tile.jpg?f${i}" width="80" height="60">`,
      ).join('')}<p>Frame text</p>`,
    'text/html',
  );
  const images = Array.from(
    { length: IMAGES },
    (_, i) => `<img src="/img/tile.jpg?${i}" width="160" height="120" loading="eager">`,
  );
  const frames = Array.from(
    { length: FRAMES },
    (_, i) => `<iframe src="/frame.html?${i}" width="340" height="140"></iframe>`,
  );
  // Frames spread through the page, as ads and embeds are.
  const body = images.map((img, i) => (i % 40 === 0 ? (frames[i / 40] ?? '') : '') + img).join('');
  const url = site.page(
    '/heavy.html',
    `<!doctype html><title>Heavy</title><body style="margin:8px;font:14px sans-serif">${body}`,
  );

  const plainDir = fs.mkdtempSync(path.join(os.tmpdir(), 'promptlens-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1000, height: 700 },
    args: browserArgs('en-US'),
  });
  const results: Record<'with' | 'without', Array<{ load: Cost; scroll: Cost }>> = { with: [], without: [] };
  try {
    for (let run = 0; run <= RUNS; run++) {
      // Alternate which goes first, so a busy moment on the machine hits both alike.
      const order = run % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const);
      for (const which of order) {
        const result = await measure(which === 'with' ? ext.context : plain, url);
        if (run > 0) results[which].push(result); // run 0 warms caches and both browsers
        console.log(
          `run ${run} ${which}: load ${Math.round(result.load.task)} ms (script ${Math.round(result.load.script)}), ` +
            `scroll ${Math.round(result.scroll.task)} ms (script ${Math.round(result.scroll.script)})`,
        );
      }
    }
  } finally {
    await plain.close();
    fs.rmSync(plainDir, { recursive: true, force: true });
  }

  const rows = (['load', 'scroll'] as const).flatMap((phase) =>
    (['task', 'script'] as const).map((metric) => {
      const withExt = median(results.with.map((r) => r[phase][metric]));
      const without = median(results.without.map((r) => r[phase][metric]));
      return {
        phase,
        metric: metric === 'task' ? 'TaskDuration' : 'ScriptDuration',
        withMs: Math.round(withExt),
        withoutMs: Math.round(without),
      };
    }),
  );
  // Paired per run: each run's two measurements were taken back to back.
  const added = (['load', 'scroll'] as const).map((phase) => ({
    phase,
    addedScriptMs: Math.round(median(results.with.map((r, i) => r[phase].script - results.without[i]![phase].script))),
    addedPct: Number(
      (
        100 *
        median(
          results.with.map(
            (r, i) => (r[phase].script - results.without[i]![phase].script) / results.without[i]![phase].task,
          ),
        )
      ).toFixed(2),
    ),
  }));
  console.log(`\nmain-thread time, ${IMAGES} images + ${FRAMES} iframes, medians of ${RUNS} runs`);
  console.table(rows);
  console.table(added);
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(
    'bench-results/page-cost.json',
    JSON.stringify({ date: new Date().toISOString(), runs: RUNS, rows, added, results }, null, 2),
  );
});

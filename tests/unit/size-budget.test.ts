import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extensionBudgets,
  formatReport,
  htmlStartupScripts,
  KB,
  measureBudget,
  startupFiles,
  staticImports,
} from '@/scripts/size-budget';

/** A small built extension: a page whose entry imports a shared chunk and lazy-loads another. */
const FIXTURE: Record<string, string> = {
  'manifest.json': JSON.stringify({
    action: { default_popup: 'popup.html' },
    background: { service_worker: 'background.js' },
  }),
  'popup.html': `<!DOCTYPE html><html><head>
    <script type="module" crossorigin src="/chunks/popup.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/shared.js">
    <link rel="stylesheet" href="/assets/popup.css">
  </head><body><div id="root"></div></body></html>`,
  // Minified output as Vite writes it: static import, re-export, side-effect import, import().
  'chunks/popup.js':
    `import{a as e}from"./shared.js";export*from"./reexported.js";const ` + `l=()=>import("./lazy.js");e(l);`,
  'chunks/shared.js': `import"./deep.js";export const a=t=>t;${'x'.repeat(3000)}`,
  'chunks/deep.js': `export const d=1;const s="import('./not-a-real-import.js')";`,
  'chunks/reexported.js': `export const r=2;`,
  'chunks/lazy.js': `import{a}from"./shared.js";import"./only-lazy.js";${'y'.repeat(50000)}`,
  'chunks/only-lazy.js': `export const o=3;`,
  'background.js': `var background=(function(){${'z'.repeat(200)}})();`,
};

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'size-budget-'));
  for (const [file, content] of Object.entries(FIXTURE)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('start-up size budget', () => {
  it('reads the module script and modulepreload links of a page, not its stylesheets', () => {
    expect(htmlStartupScripts(FIXTURE['popup.html'] as string)).toEqual(['/chunks/popup.js', '/chunks/shared.js']);
  });

  it('follows static imports and re-exports but not import()', async () => {
    expect(await staticImports(FIXTURE['chunks/popup.js'] as string)).toEqual(['./shared.js', './reexported.js']);
  });

  it('counts a page with every chunk it imports statically, transitively, each once', async () => {
    const files = await startupFiles(root, ['popup.html']);
    expect(files.sort()).toEqual(['chunks/deep.js', 'chunks/popup.js', 'chunks/reexported.js', 'chunks/shared.js']);
  });

  it('sums the gzipped sizes and says by how much a budget is exceeded', async () => {
    const startup = ['chunks/popup.js', 'chunks/shared.js', 'chunks/deep.js', 'chunks/reexported.js'];
    const expected = startup.reduce((sum, f) => sum + gzipSync(FIXTURE[f] as string).length, 0);
    const within = await measureBudget(root, { name: 'popup', entries: ['popup.html'], limit: expected });
    expect(within.gzip).toBe(expected);
    expect(within.over).toBe(0);
    const over = await measureBudget(root, { name: 'popup', entries: ['popup.html'], limit: expected - 10 });
    expect(over.over).toBe(10);
    expect(formatReport([over])).toContain('OVER BUDGET: popup');
    expect(formatReport([within])).toContain(`ok: ${(expected / KB).toFixed(1)} KB`);
  });

  it('finds the popup and the background through the manifest, Chrome and Firefox alike', () => {
    const manifest = JSON.parse(FIXTURE['manifest.json'] as string);
    expect(extensionBudgets(manifest)).toEqual([
      { name: 'popup', entries: ['popup.html'], limit: 100 * KB },
      { name: 'background', entries: ['background.js'], limit: 130 * KB },
    ]);
    expect(extensionBudgets({ background: { scripts: ['background.js'] } })).toEqual([
      { name: 'background', entries: ['background.js'], limit: 130 * KB },
    ]);
  });
});

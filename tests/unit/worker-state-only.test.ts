import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The background worker keeps its variables in ONE place, entrypoints/background/worker-state.ts,
 * where each says why losing it when the browser stops the worker is fine. A top-level `let` or
 * a top-level `new Map` / `new Set` elsewhere is state kept out of sight of that list. A constant
 * lookup table says so with its type (`ReadonlySet`, `ReadonlyMap`): no one can change it.
 */
const ROOT = resolve(__dirname, '../..');
const BACKGROUND = join(ROOT, 'entrypoints/background');
const WORKER_STATE = join(BACKGROUND, 'worker-state.ts');

/** Lines at the top level (no indentation) that declare mutable state. */
const TOP_LEVEL_STATE =
  /^(?:export\s+)?(?:let\s|var\s|const\s+\w+\s*(?::(?!\s*Readonly)[^=]+)?=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\b)/;

function stateOutsideWorkerState(files: { path: string; text: string }[]): string[] {
  return files.flatMap(({ path, text }) =>
    text
      .split('\n')
      .flatMap((line, index) => (TOP_LEVEL_STATE.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
  );
}

function backgroundFiles() {
  return readdirSync(BACKGROUND, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(BACKGROUND, file))
    .filter((path) => path !== WORKER_STATE)
    .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
}

describe('background state lives in worker-state.ts', () => {
  it('no other background file keeps a top-level let, Map or Set', () => {
    const files = backgroundFiles();
    expect(files.length).toBeGreaterThan(10);
    expect(stateOutsideWorkerState(files)).toEqual([]);
  });

  it('catches each kind of top-level state, not indented locals or a const alias', () => {
    const text = [
      'let timer: number | undefined;',
      'export let count = 0;',
      'const running = new Map<string, AbortController>();',
      'const seen = new Set<string>();',
      'const state = worker.offscreen;',
      "const ACTIONS: ReadonlySet<string> = new Set(['pause']);",
      'const cache: Map<string, number> = new Map();',
      'function f() {',
      '  let local = 0;',
      '  const map = new Map();',
      '}',
    ].join('\n');
    expect(stateOutsideWorkerState([{ path: 'x.ts', text }])).toEqual([
      'x.ts:1: let timer: number | undefined;',
      'x.ts:2: export let count = 0;',
      'x.ts:3: const running = new Map<string, AbortController>();',
      'x.ts:4: const seen = new Set<string>();',
      'x.ts:7: const cache: Map<string, number> = new Map();',
    ]);
  });
});

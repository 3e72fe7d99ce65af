import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * lib/ has no import cycles: a cycle means two modules cannot be understood, tested or moved
 * apart. Between files every import counts, type-only ones too. Between folders (jobs,
 * history, providers, …) the code that runs counts: history describes its rows in terms of a
 * Job (a type), but no history code calls into jobs, while jobs write history rows.
 */
const ROOT = resolve(__dirname, '../..');
const LIB = join(ROOT, 'lib');

type Graph = Map<string, string[]>;

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/')
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path));
}

function libGraph({ runtimeOnly = false } = {}): Graph {
  const files = readdirSync(LIB, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => join(LIB, file));
  return new Map(
    files.map((file) => {
      const [imports] = parse(readFileSync(file, 'utf8'), file);
      const targets = imports.flatMap((entry) => {
        if (runtimeOnly && 'typeOnly' in entry && entry.typeOnly) return [];
        const target = entry.specifier ? resolveImport(file, entry.specifier) : undefined;
        return target?.startsWith(LIB) ? [target] : [];
      });
      return [file, targets];
    }),
  );
}

/** lib/jobs/db.ts → "jobs"; a file directly in lib/ is its own node. */
const folderOf = (file: string) => relative(LIB, file).split('/')[0]!;

function folderGraph(files: Graph): Graph {
  const graph: Graph = new Map();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    const edges = new Set([...(graph.get(from) ?? []), ...targets.map(folderOf)]);
    edges.delete(from);
    graph.set(from, [...edges]);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the chain of files that closes it. */
function findCycles(graph: Graph): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string) => {
    const index = path.indexOf(node);
    if (index >= 0) return void cycles.push([...path.slice(index), node]);
    if (done.has(node)) return;
    path.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    path.pop();
    done.add(node);
  };
  for (const node of graph.keys()) visit(node);
  return cycles;
}

beforeAll(() => init);

describe('imports in lib/', () => {
  it('the check finds a cycle when there is one', () => {
    const graph: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('reads the real imports', () => {
    const graph = libGraph();
    expect(graph.get(join(LIB, 'jobs/lifecycle.ts'))).toEqual(
      expect.arrayContaining([join(LIB, 'history/db.ts'), join(LIB, 'errors.ts')]),
    );
  });

  it('form no cycle between files', () => {
    const cycles = findCycles(libGraph()).map((cycle) => cycle.map((file) => relative(ROOT, file)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('form no cycle between folders (jobs, history, image, …)', () => {
    const cycles = findCycles(folderGraph(libGraph({ runtimeOnly: true }))).map((cycle) => cycle.join(' → '));
    expect(cycles).toEqual([]);
  });
});

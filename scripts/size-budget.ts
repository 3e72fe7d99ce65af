/**
 * The size budget of what a page must download and parse before it can show anything: its
 * module script plus every chunk that script imports statically (transitively). Chunks reached
 * only through `import()` load later and do not count. Runs on a built extension directory
 * (scripts/check-size-budget.ts) and in unit tests on a fixture.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/** Bytes in a KB, as WXT and Vite print them. */
export const KB = 1000;

export interface Budget {
  /** Shown in the table, e.g. "popup". */
  name: string;
  /** Files relative to the build directory: an HTML page, or scripts a manifest names. */
  entries: string[];
  /** Gzipped bytes allowed for all start-up scripts together. */
  limit: number;
}

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BudgetResult {
  budget: Budget;
  files: FileSize[];
  gzip: number;
  /** Gzipped bytes over the limit; 0 when within. */
  over: number;
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [, name, , double, single, bare] of tag.matchAll(/([\w-]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    if (name) attrs[name.toLowerCase()] = double ?? single ?? bare ?? '';
  }
  return attrs;
}

/** The scripts an HTML page loads at start: module scripts and their modulepreload links. */
export function htmlStartupScripts(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attrs = attributes(tag.replace(/^<\w+|\/?>$/g, ''));
    if (tag.toLowerCase().startsWith('<script') && attrs.src) found.push(attrs.src);
    if (attrs.rel === 'modulepreload' && attrs.href) found.push(attrs.href);
  }
  return found;
}

/** Specifiers of the static `import … from` / `export … from` / `import '…'` of a module. */
export async function staticImports(code: string): Promise<string[]> {
  await init();
  const [imports] = parse(code);
  // 'static' and 'reexport-star' load with the module; 'dynamic' (import()) loads later.
  return imports.flatMap((entry) =>
    entry.type === 'static' || entry.type === 'reexport-star' ? [entry.specifier] : [],
  );
}

function resolveIn(root: string, fromFile: string, specifier: string): string | undefined {
  if (/^[a-z][\w+.-]*:/i.test(specifier)) return undefined; // a URL: not ours to measure
  const target = specifier.startsWith('/')
    ? path.join(root, specifier)
    : path.resolve(path.dirname(path.join(root, fromFile)), specifier);
  return path.relative(root, target).split(path.sep).join('/');
}

/** Every script a budget's entries load at start, in discovery order, each once. */
export async function startupFiles(root: string, entries: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const add = (file: string | undefined) => {
    if (file && !seen.has(file)) {
      seen.add(file);
      queue.push(file);
    }
  };
  for (const entry of entries) {
    if (entry.endsWith('.html')) {
      const html = fs.readFileSync(path.join(root, entry), 'utf8');
      for (const src of htmlStartupScripts(html)) add(resolveIn(root, entry, src));
    } else add(entry);
  }
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i] as string;
    const code = fs.readFileSync(path.join(root, file), 'utf8');
    for (const specifier of await staticImports(code)) add(resolveIn(root, file, specifier));
  }
  return queue;
}

export async function measureBudget(root: string, budget: Budget): Promise<BudgetResult> {
  const files = (await startupFiles(root, budget.entries)).map((file) => {
    const content = fs.readFileSync(path.join(root, file));
    return { file, bytes: content.length, gzip: gzipSync(content).length };
  });
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  return { budget, files, gzip, over: Math.max(0, gzip - budget.limit) };
}

interface ManifestLike {
  action?: { default_popup?: string };
  background?: { service_worker?: string; scripts?: string[] };
}

/** The budgets, found through the built manifest (Chrome: a worker; Firefox: scripts). */
export function extensionBudgets(manifest: ManifestLike): Budget[] {
  const budgets: Budget[] = [];
  const popup = manifest.action?.default_popup;
  if (popup) budgets.push({ name: 'popup', entries: [popup], limit: 100 * KB });
  const worker = manifest.background?.service_worker;
  const background = worker ? [worker] : (manifest.background?.scripts ?? []);
  if (background.length) budgets.push({ name: 'background', entries: background, limit: 130 * KB });
  return budgets;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** A plain-text table of every file, and a verdict line per budget. */
export function formatReport(results: BudgetResult[]): string {
  const lines: string[] = [];
  for (const { budget, files, gzip, over } of results) {
    lines.push(`${budget.name} (start-up JS, gzipped; limit ${kb(budget.limit)})`);
    for (const f of files)
      lines.push(`  ${f.file.padEnd(48)} ${kb(f.bytes).padStart(10)} ${kb(f.gzip).padStart(10)} gz`);
    lines.push(
      over > 0
        ? `  OVER BUDGET: ${budget.name} is ${kb(gzip)} gzipped, ${kb(over)} over ${kb(budget.limit)} ` +
            `(largest: ${[...files].sort((a, b) => b.gzip - a.gzip)[0]?.file ?? budget.entries.join(', ')})`
        : `  ok: ${kb(gzip)} of ${kb(budget.limit)}`,
    );
  }
  return lines.join('\n');
}

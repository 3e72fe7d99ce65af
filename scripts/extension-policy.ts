/**
 * What the stores check and we promise (README, "Permissions, and why"): a strict CSP for
 * extension pages, no code from anywhere but the package, no doors for web pages, and every
 * permission justified. Runs on a built extension (scripts/check-extension-policy.ts) and in unit
 * tests on small inputs.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface PolicyManifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
}

/** Sources a directive may list. 'self' only: nothing remote, no eval, no inline script. */
const ALLOWED: Record<string, string[]> = {
  'script-src': ["'self'"],
  'object-src': ["'self'", "'none'"],
  'worker-src': ["'self'"],
};

export function cspProblems(manifest: PolicyManifest): string[] {
  const csp = manifest.content_security_policy;
  if (typeof csp === 'string') return ['content_security_policy is an MV2 string; MV3 needs { extension_pages }'];
  const policy = csp?.extension_pages;
  if (!policy) return ['content_security_policy.extension_pages is missing (the browser default allows wasm eval)'];
  const problems: string[] = [];
  const directives = new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name as string, sources]),
  );
  if (!directives.has('script-src')) problems.push('extension_pages CSP has no script-src');
  for (const [name, allowed] of Object.entries(ALLOWED)) {
    for (const source of directives.get(name) ?? []) {
      if (!allowed.includes(source)) problems.push(`extension_pages CSP allows ${source} in ${name}`);
    }
  }
  if (csp?.sandbox) problems.push('content_security_policy.sandbox is set, but no page is sandboxed');
  return problems;
}

const CODE_PATTERNS: Array<[RegExp, string]> = [
  [/(?<![\w$.])eval\s*\(/, 'eval('],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/(?<![\w$.])Function\s*\(\s*["'`]/, 'Function("…")'],
  [/\bimport\s*\(\s*["'`](?:https?:)?\/\//, 'import() of a remote URL'],
  [/\bimportScripts\s*\(\s*["'`](?:https?:)?\/\//, 'importScripts() of a remote URL'],
  [/\bset(?:Timeout|Interval)\s*\(\s*["'`]/, 'setTimeout/setInterval with a string'],
];

/** Constructs that run code not shipped in the package, in one script. */
export function remoteCodeInScript(code: string): string[] {
  return CODE_PATTERNS.filter(([pattern]) => pattern.test(code)).map(([, name]) => name);
}

/** External scripts or inline script in an extension page. */
export function remoteCodeInHtml(html: string): string[] {
  const found: string[] = [];
  for (const [tag, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs ?? '')?.[1];
    if (src && /^(?:[a-z][\w+.-]*:|\/\/)/i.test(src)) found.push(`a script from ${src}`);
    if (!src && body?.trim()) found.push(`an inline script: ${tag.slice(0, 60)}`);
  }
  return found;
}

/** Each manifest permission must appear, in backticks, in the README's permission table. */
export function undocumentedPermissions(manifest: PolicyManifest, readme: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Permissions')) ?? '';
  const documented = new Set([...section.matchAll(/^\|\s*[^|]*?`([^`]+)`/gm)].map((m) => m[1]));
  const wanted = [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
  ];
  return wanted.filter((permission) => !documented.has(permission));
}

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => file.split(path.sep).join('/'));
}

/** Every problem with one built extension directory, each naming its file. */
export function checkExtension(root: string, readme: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8')) as PolicyManifest;
  const problems = cspProblems(manifest);
  if (manifest.externally_connectable)
    problems.push('manifest declares externally_connectable: web pages could message us');
  for (const permission of undocumentedPermissions(manifest, readme)) {
    problems.push(`permission ${permission} is not justified in README's "Permissions, and why" table`);
  }
  for (const file of filesIn(root)) {
    const full = path.join(root, file);
    if (/\.(m?js)$/.test(file)) {
      for (const what of remoteCodeInScript(fs.readFileSync(full, 'utf8'))) problems.push(`${file}: ${what}`);
    } else if (file.endsWith('.html')) {
      for (const what of remoteCodeInHtml(fs.readFileSync(full, 'utf8'))) problems.push(`${file}: ${what}`);
    }
  }
  return problems;
}

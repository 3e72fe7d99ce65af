/**
 * Build step (a Vite plugin, registered by this folder's WXT module): the openai SDK's client constructs every API
 * resource it knows (Assistants, Realtime, Admin, Evals…) in its constructor, so no bundler can
 * tree-shake them, and they were most of the service worker. PromptLens only ever calls
 * `chat.completions.create()` and `images.generate()`; every other resource module is replaced by an empty class with
 * the
 * same export names, so the client still constructs, and the request, streaming, errors and
 * retries stay the SDK's own code. Unit tests run against the full SDK; the e2e tests run the
 * slimmed build against the fake provider.
 */
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

const SDK = /[\\/]node_modules[\\/]openai[\\/]/;

/**
 * Resource modules we need: the chat resource, `images` (Recreate's `images.generate`), and the
 * index/shared modules that re-export them.
 */
const KEEP = [
  /[\\/]resources[\\/]chat[\\/]/,
  /[\\/]resources[\\/]images\.mjs$/,
  /[\\/]resources[\\/](index|shared)\.mjs$/,
];

/**
 * Never-run code: every other resource, and the helpers behind `chat.completions.stream()`,
 * `.runTools()` and `.parse()` (we iterate the raw SSE stream of `create({ stream: true })`).
 */
const STUB = [
  /[\\/]resources[\\/]/,
  /[\\/]lib[\\/]ChatCompletion(Stream|Runner|StreamingRunner)\.mjs$/,
  /[\\/]lib[\\/]parser\.mjs$/,
];

export function isStubbedOpenAIModule(id: string): boolean {
  const file = id.split('?')[0] ?? id;
  if (!SDK.test(file) || !file.endsWith('.mjs')) return false;
  if (KEEP.some((re) => re.test(file))) return false;
  return STUB.some((re) => re.test(file));
}

/** A module exporting each name as one inert class (constructible, as the client needs). */
export function stubModule(exportNames: string[]): string {
  const names = exportNames.map((name) => `Unused as ${name}`).join(', ');
  return `const Unused = class {};\nexport { ${names} };\n`;
}

export function slimOpenAI(): Plugin {
  return {
    name: 'promptlens:slim-openai',
    enforce: 'pre',
    async load(id) {
      if (!isStubbedOpenAIModule(id)) return null;
      const file = id.split('?')[0] ?? id;
      // The exact export names, from the module itself (Node runs the SDK's ESM build).
      const exported: Record<string, unknown> = await import(pathToFileURL(file).href);
      return stubModule(Object.keys(exported));
    },
  };
}

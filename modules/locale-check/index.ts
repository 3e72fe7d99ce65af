/**
 * WXT module (loaded by WXT from modules/, runs in Node at build time) for translations: every
 * locales/<code>.json ships as its own file (so each page and the worker load only the active
 * language), and the build fails if any locale or _locales/<code>/messages.json is incomplete or
 * has broken placeholders.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Wxt } from 'wxt';
import { defineWxtModule } from 'wxt/modules';
import { LANGUAGES } from '../../lib/languages';
import { checkGlossary, formatGlossaryProblem } from './check-glossary';
import { checkLocale, checkManifestMessages } from './check-locale';

type PublicFile = { absoluteSrc: string; relativeDest: string } | { contents: string; relativeDest: string };

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** The glossary check (check-glossary.ts) on the strings and the manifest messages. */
function glossaryProblems(root: string, code: string, files: string[]): string[] {
  const glossary = path.join(root, `locales/glossary/${code}.json`);
  if (!fs.existsSync(glossary)) return [`missing locales/glossary/${code}.json`];
  return files
    .filter((f) => fs.existsSync(f))
    .flatMap((f) => checkGlossary(read(f), read(glossary)).map((p) => formatGlossaryProblem(code, p)));
}

function addLocaleAssets(wxt: Wxt, files: PublicFile[]): void {
  const root = wxt.config.root;
  const en = read(path.join(root, 'locales/en.json'));
  const enMessages = read(path.join(root, 'public/_locales/en/messages.json'));
  const problems: string[] = [];
  for (const { code, chrome } of LANGUAGES) {
    const file = path.join(root, `locales/${code}.json`);
    const messages = path.join(root, `public/_locales/${chrome}/messages.json`);
    if (!fs.existsSync(file)) problems.push(`missing locales/${code}.json`);
    else problems.push(...checkLocale(en, read(file), code));
    problems.push(...glossaryProblems(root, code, [file, messages]));
    if (!fs.existsSync(messages)) problems.push(`missing public/_locales/${chrome}/messages.json`);
    else problems.push(...checkManifestMessages(enMessages, read(messages), chrome));
    if (fs.existsSync(file)) files.push({ absoluteSrc: file, relativeDest: `locales/${code}.json` });
  }
  if (problems.length)
    throw new Error(
      `Translations are incomplete or off their glossary (locales/README.md):\n  ${problems.join('\n  ')}`,
    );
}

export default defineWxtModule({
  name: 'promptlens:locale-check',
  setup: (wxt) => void wxt.hooks.hook('build:publicAssets', addLocaleAssets),
});

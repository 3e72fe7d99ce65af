/**
 * Vite plugin (runs in Node, from this folder's WXT module and vitest.config.ts): the export file's JSON
 * Schema (and the score verdict's) compiled by Ajv into plain JavaScript, served as a virtual module. Extension pages
 * run
 * under a CSP without 'unsafe-eval', so Ajv.compile (new Function) cannot run there; the code it
 * generates can, and it can never be out of date with the schema.
 */
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import type { Plugin } from 'vite';
import { exportSchema } from '../../lib/history/export-schema';
import { VERDICT_SCHEMA } from '../../lib/scoring/verdict-schema';

export const HISTORY_VALIDATOR_ID = 'virtual:history-export-validator';
/** "How close?"'s verdict (lib/scoring/verdict.ts): checked after repair, whatever the provider. */
export const VERDICT_VALIDATOR_ID = 'virtual:score-verdict-validator';

export function historyValidatorCode(): string {
  // allErrors off: the first problem is the one we report, and a 10,000-entry file stops there.
  const ajv = new Ajv({ code: { source: true, esm: true }, strict: true, allErrors: false, removeAdditional: 'all' });
  return standaloneCode(ajv, ajv.compile(exportSchema));
}

function verdictValidatorCode(): string {
  const ajv = new Ajv({ code: { source: true, esm: true }, strict: true, allErrors: false });
  return standaloneCode(ajv, ajv.compile(VERDICT_SCHEMA));
}

const CODE: Record<string, () => string> = {
  [HISTORY_VALIDATOR_ID]: historyValidatorCode,
  [VERDICT_VALIDATOR_ID]: verdictValidatorCode,
};

export function historyValidator(): Plugin {
  return {
    name: 'promptlens:history-validator',
    resolveId: (id) => (id in CODE ? `\0${id}` : undefined),
    load: (id) => (id.startsWith('\0') ? CODE[id.slice(1)]?.() : undefined),
  };
}

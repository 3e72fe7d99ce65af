/**
 * Vite plugin (runs in Node, from this folder's WXT module and vitest.config.ts): the export file's JSON
 * Schema compiled by Ajv into plain JavaScript, served as a virtual module. Extension pages run
 * under a CSP without 'unsafe-eval', so Ajv.compile (new Function) cannot run there; the code it
 * generates can, and it can never be out of date with the schema.
 */
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import type { Plugin } from 'vite';
import { exportSchema } from '../../lib/history/export-schema';

export const HISTORY_VALIDATOR_ID = 'virtual:history-export-validator';
const RESOLVED = `\0${HISTORY_VALIDATOR_ID}`;

export function historyValidatorCode(): string {
  // allErrors off: the first problem is the one we report, and a 10,000-entry file stops there.
  const ajv = new Ajv({ code: { source: true, esm: true }, strict: true, allErrors: false, removeAdditional: 'all' });
  return standaloneCode(ajv, ajv.compile(exportSchema));
}

export function historyValidator(): Plugin {
  return {
    name: 'promptlens:history-validator',
    resolveId: (id) => (id === HISTORY_VALIDATOR_ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? historyValidatorCode() : undefined),
  };
}

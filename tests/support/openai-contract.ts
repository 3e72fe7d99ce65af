/**
 * OpenAI's published OpenAPI spec as a validator: every request the extension sends must be a
 * valid CreateChatCompletionRequest. The spec lives in ../shared/contracts; a vendored copy in
 * tests/contracts keeps a lone clone working.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const CANDIDATES = [
  process.env.OPENAI_OPENAPI_SPEC,
  path.resolve(here, '../../../shared/contracts/openai-openapi.yaml'),
  path.resolve(here, '../contracts/openai-openapi.yaml'),
].filter((p): p is string => !!p);

export function specPath(): string {
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`OpenAI spec not found in ${CANDIDATES.join(', ')}`);
  return found;
}

/**
 * `nullable` is an OpenAPI 3.0 leftover in this 3.1 document, and Ajv rejects it without a
 * sibling `type`. Where there is a type, null joins it (what `nullable` means); where there is
 * none, it is dropped, which is stricter, never looser.
 */
function withoutNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNullable);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (key !== 'nullable') out[key] = withoutNullable(value);
  const { nullable, type } = node as { nullable?: unknown; type?: unknown };
  if (nullable === true && typeof type === 'string') out.type = [type, 'null'];
  return out;
}

let validator: ValidateFunction | undefined;

export function requestValidator(): ValidateFunction {
  if (validator) return validator;
  const doc = parse(fs.readFileSync(specPath(), 'utf8'), { maxAliasCount: -1 });
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  // ajv-formats' `uri` regex overflows the stack on multi-megabyte data: URLs.
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:/i);
  ajv.addSchema(withoutNullable(doc) as object, 'openai');
  validator = ajv.getSchema('openai#/components/schemas/CreateChatCompletionRequest');
  if (!validator) throw new Error('CreateChatCompletionRequest not in the spec');
  return validator;
}

export function validateChatRequest(body: unknown): string[] {
  const validate = requestValidator();
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message}`);
}

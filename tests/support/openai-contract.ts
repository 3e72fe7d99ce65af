/**
 * OpenAI's published OpenAPI spec as a validator: every request the extension sends must be a
 * valid CreateChatCompletionRequest, every image request a CreateImageRequest. The spec lives in ../shared/contracts; a
 * vendored copy in
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

let ajv: Ajv2020 | undefined;
let specDoc: any;
const validators = new Map<string, ValidateFunction>();

function schemaValidator(name: string): ValidateFunction {
  const cached = validators.get(name);
  if (cached) return cached;
  if (!ajv) {
    specDoc = parse(fs.readFileSync(specPath(), 'utf8'), { maxAliasCount: -1 });
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    // ajv-formats' `uri` regex overflows the stack on multi-megabyte data: URLs.
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:/i);
    ajv.addSchema(withoutNullable(specDoc) as object, 'openai');
  }
  const validate = ajv.getSchema(`openai#/components/schemas/${name}`);
  if (!validate) throw new Error(`${name} not in the spec`);
  validators.set(name, validate);
  return validate;
}

export function requestValidator(): ValidateFunction {
  return schemaValidator('CreateChatCompletionRequest');
}

function violations(validate: ValidateFunction, body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message}`);
}

export function validateChatRequest(body: unknown): string[] {
  return violations(requestValidator(), body);
}

/**
 * An `/images/generations` body against CreateImageRequest. The schema allows extra members,
 * but OpenAI answers 400 "Unknown parameter" to them (a `negative_prompt`, say), so they count too.
 */
export function validateImageRequest(body: unknown): string[] {
  const found = violations(schemaValidator('CreateImageRequest'), body);
  const known = Object.keys(specDoc.components.schemas.CreateImageRequest.properties);
  const extra = body && typeof body === 'object' ? Object.keys(body).filter((key) => !known.includes(key)) : [];
  return [...found, ...extra.map((key) => `/${key} unknown parameter`)];
}

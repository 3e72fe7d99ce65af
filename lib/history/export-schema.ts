/**
 * The JSON Schema of an export file (draft-07). Compiled to plain code at build time
 * (modules/history-validator/history-validator-plugin.ts): extension pages forbid eval, which Ajv.compile needs.
 * Only keywords whose compiled code needs no Ajv runtime helpers are used.
 */
import { ERROR_CODES } from '../errors';
import { LANGUAGES } from '../languages';
import { DETAIL_LEVELS } from '../prompt/detail';
import { STYLE_IDS } from '../prompt/styles';
import { PROVIDER_IDS } from '../providers/presets';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export-types';

const string = { type: 'string' } as const;
const nonEmpty = { type: 'string', pattern: '\\S' } as const;
const count = { type: 'number', minimum: 0 } as const;
const time = count;
const flag = { type: 'boolean' } as const;

const source = {
  type: 'object',
  properties: { imageUrl: string, pageUrl: string, pageTitle: string, captured: flag, alt: string },
} as const;

const prompt = {
  type: 'object',
  required: ['id', 'createdAt', 'updatedAt', 'status', 'style', 'detail', 'language', 'provider', 'model', 'text'],
  properties: {
    id: nonEmpty,
    createdAt: time,
    updatedAt: time,
    status: { enum: ['queued', 'running', 'done', 'failed'] },
    style: { enum: [...STYLE_IDS] },
    template: {
      type: 'object',
      required: ['id', 'name', 'text'],
      properties: { id: string, name: string, text: string },
    },
    detail: { enum: [...DETAIL_LEVELS] },
    language: { enum: LANGUAGES.map((language) => language.code) },
    provider: { enum: [...PROVIDER_IDS] },
    model: string,
    text: string,
    kind: { enum: ['text', 'json', 'refusal'] },
    source,
    image: {
      type: 'object',
      required: ['originalWidth', 'originalHeight', 'width', 'height', 'mime', 'bytes'],
      properties: {
        originalWidth: count,
        originalHeight: count,
        width: count,
        height: count,
        mime: string,
        bytes: count,
      },
    },
    error: {
      type: 'object',
      required: ['code'],
      properties: {
        code: { enum: [...ERROR_CODES] },
        status: count,
        detail: string,
        retryAfterSeconds: count,
        local: flag,
      },
    },
    usage: {
      type: 'object',
      required: ['promptTokens', 'completionTokens'],
      properties: { promptTokens: count, completionTokens: count },
    },
  },
} as const;

const dataUrl = { type: 'string', pattern: '^data:image/[a-z+.-]+;base64,[A-Za-z0-9+/]*=*$' } as const;

const generation = {
  type: 'object',
  required: ['id', 'jobId', 'createdAt', 'provider', 'model', 'size', 'prompt', 'image'],
  properties: {
    id: nonEmpty,
    jobId: nonEmpty,
    createdAt: time,
    // Named, not enumerated: the image providers' table lives above the history (no import cycle),
    // and an unknown one only shows its id.
    provider: nonEmpty,
    model: string,
    size: string,
    prompt: string,
    negativePrompt: string,
    seed: { type: 'number' },
    cost: { type: 'object', properties: { tokens: count, credits: count } },
    revisedPrompt: string,
    width: count,
    height: count,
    image: dataUrl,
    thumbnail: dataUrl,
  },
} as const;

const entry = {
  type: 'object',
  required: ['id', 'createdAt', 'updatedAt', 'favorite', 'source', 'prompts'],
  properties: {
    id: nonEmpty,
    createdAt: time,
    updatedAt: time,
    favorite: flag,
    source,
    thumbnail: dataUrl,
    prompts: { type: 'array', minItems: 1, items: prompt },
    generations: { type: 'array', items: generation },
  },
} as const;

export const exportSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://promptlens.app/schemas/history-export-v1.json',
  type: 'object',
  required: ['format', 'version', 'exportedAt', 'entries'],
  properties: {
    format: { const: EXPORT_FORMAT },
    version: { const: EXPORT_VERSION },
    exportedAt: string,
    entries: { type: 'array', items: entry },
  },
} as const;

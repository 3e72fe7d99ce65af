/**
 * Reading an import file, all before anything is written: JSON, then "is this ours, and a
 * version we understand", then the JSON Schema (compiled at build time, see
 * modules/history-validator/history-validator-plugin.ts), then ids used twice, then thumbnails decoded.
 * The first problem found is reported, with the entry and field it is in.
 */
import type { ErrorObject } from 'ajv';
import validate from 'virtual:history-export-validator';
import type { Job } from '../jobs/types';
import { isBase64DataUrl } from './data-url';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportEntry,
  type ExportFile,
  type ExportGeneration,
  type ExportPrompt,
} from './export-types';
import { refuse, type ImportOutcome, type ImportProblem, type ImportRule } from './import-problem';

/** Far above 10,000 entries with thumbnails (~100 MB), below what a page can hold as one string. */
export const IMPORT_SIZE_LIMIT = 400 * 1000 * 1000;

/** An entry as it will be merged: jobs as stored, the thumbnail as a blob. */
export interface IncomingEntry {
  id: string;
  updatedAt: number;
  favorite: boolean;
  /** The file's data: URL, checked; made a blob only if it is stored (blobs are slow to make). */
  thumbnail?: string;
  jobs: Job[];
  /** Recreations with their files (data: URLs, checked), from an export with images. */
  generations?: ExportGeneration[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** "/entries/36/prompts/2/text" → entry 37, "prompts[2].text". */
function locate(pointer: string): { entry?: number; path: string } {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  const inEntry = segments[0] === 'entries' && segments.length > 1;
  const rest = inEntry ? segments.slice(2) : segments;
  const path = rest.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
  return inEntry ? { entry: Number(segments[1]) + 1, path } : { path };
}

const join = (path: string, field: string) => (path ? `${path}.${field}` : field);

function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (node, key) => (isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined),
      data,
    );
}

const shortJson = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

function ruleOf(error: ErrorObject, data: unknown, path: string): ImportRule {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return { rule: 'type', type: params.type as 'string' };
    case 'required':
      return { rule: 'required' };
    case 'enum':
      return { rule: 'enum', value: shortJson(valueAt(data, error.instancePath)) };
    case 'const':
      return { rule: 'const', value: shortJson(params.allowedValue) };
    case 'minimum':
      return { rule: 'minimum', limit: params.limit as number };
    case 'minItems':
      return { rule: 'empty' };
    case 'pattern':
      return /(thumbnail|image)$/.test(path) ? { rule: 'data-url' } : { rule: 'empty' };
    default:
      return { rule: 'invalid' };
  }
}

export function schemaProblem(error: ErrorObject, data: unknown): ImportProblem {
  const where = locate(error.instancePath);
  const path = error.keyword === 'required' ? join(where.path, String(error.params.missingProperty)) : where.path;
  return { code: 'invalid', ...where, path, ...ruleOf(error, data, path) };
}

/** Entry ids, and prompt ids across the whole file, must each be used once. */
function duplicateProblem(file: ExportFile): ImportProblem | undefined {
  const entries = new Map<string, number>();
  const prompts = new Map<string, number>();
  for (const [index, entry] of file.entries.entries()) {
    const other = entries.get(entry.id);
    if (other !== undefined)
      return { code: 'invalid', entry: index + 1, path: 'id', rule: 'duplicate', other: other + 1 };
    entries.set(entry.id, index);
    for (const [p, prompt] of entry.prompts.entries()) {
      const first = prompts.get(prompt.id);
      if (first !== undefined)
        return { code: 'invalid', entry: index + 1, path: `prompts[${p}].id`, rule: 'duplicate', other: first + 1 };
      prompts.set(prompt.id, index);
    }
  }
  return undefined;
}

/** A prompt back into a stored job. One that was still being written when exported never will be. */
export function promptToJob(prompt: ExportPrompt, entry: ExportEntry): Job {
  const job: Job = { ...prompt, imageId: entry.id, source: prompt.source ?? entry.source };
  const unfinished = job.status === 'queued' || job.status === 'running';
  return unfinished ? { ...job, status: 'failed', error: job.error ?? { code: 'interrupted' } } : job;
}

function toIncoming(file: ExportFile): ImportOutcome<IncomingEntry[]> {
  const incoming: IncomingEntry[] = [];
  for (const [index, entry] of file.entries.entries()) {
    if (entry.thumbnail && !isBase64DataUrl(entry.thumbnail)) {
      return refuse({ code: 'invalid', entry: index + 1, path: 'thumbnail', rule: 'data-url' });
    }
    const generations = entry.generations ?? [];
    for (const [g, generation] of generations.entries()) {
      for (const field of ['image', 'thumbnail'] as const) {
        const url = generation[field];
        if (url !== undefined && !isBase64DataUrl(url))
          return refuse({ code: 'invalid', entry: index + 1, path: `generations[${g}].${field}`, rule: 'data-url' });
      }
    }
    const jobs = entry.prompts.map((prompt) => promptToJob(prompt, entry));
    incoming.push({
      id: entry.id,
      updatedAt: entry.updatedAt,
      favorite: entry.favorite,
      thumbnail: entry.thumbnail,
      jobs,
      generations,
    });
  }
  return { ok: true, value: incoming };
}

/** The file's text → entries ready to merge, or the first thing wrong with it. */
export function readImport(text: string): ImportOutcome<IncomingEntry[]> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse({ code: 'not-json', detail: error instanceof Error ? error.message : String(error) });
  }
  if (!isObject(data) || data.format !== EXPORT_FORMAT) return refuse({ code: 'not-export' });
  if (typeof data.version === 'number' && data.version > EXPORT_VERSION) {
    return refuse({ code: 'newer-version', version: data.version, supported: EXPORT_VERSION });
  }
  // The validator also drops fields it does not know, so nothing unexpected is stored.
  if (!validate(data)) return refuse(schemaProblem(validate.errors![0]!, data));
  const file = data as unknown as ExportFile;
  const duplicate = duplicateProblem(file);
  return duplicate ? refuse(duplicate) : toIncoming(file);
}

/** Checked on the file's size before it is read at all. */
export function sizeProblem(bytes: number): ImportProblem | undefined {
  return bytes > IMPORT_SIZE_LIMIT ? { code: 'too-large', size: bytes, limit: IMPORT_SIZE_LIMIT } : undefined;
}

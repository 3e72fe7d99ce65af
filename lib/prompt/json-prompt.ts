/**
 * The JSON style's structure: its schema (sent as structured output where the provider
 * supports it), and the parsing that accepts what models actually return — JSON with prose
 * around it, trailing commas, curly quotes — or says clearly that it is not JSON.
 */
export const JSON_FIELDS = [
  'subject',
  'medium',
  'style',
  'composition',
  'lighting',
  'colors',
  'camera',
  'mood',
  'details',
  'negative',
] as const;
export type JsonPrompt = Record<(typeof JSON_FIELDS)[number], string>;

export const JSON_PROMPT_SCHEMA = {
  type: 'object',
  properties: Object.fromEntries(JSON_FIELDS.map((field) => [field, { type: 'string' }])),
  required: [...JSON_FIELDS],
  additionalProperties: false,
} as const;

/** The first balanced {...} in the text, ignoring braces inside strings. */
export function extractJsonObject(text: string): string | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

function repair(json: string): string {
  return json.replace(/[“”]/g, '"').replace(/,\s*([}\]])/g, '$1');
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ');
  if (value && typeof value === 'object') return Object.values(value).map(asText).filter(Boolean).join(', ');
  if (value === null || value === undefined) return '';
  return String(value);
}

export type LooseJson = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

/** The first JSON object in a model's answer, repaired where models commonly break it. */
export function parseLooseJsonObject(text: string): LooseJson {
  const candidate = extractJsonObject(text);
  if (!candidate) return { ok: false, reason: 'no JSON object in the answer' };
  let data: unknown;
  try {
    data = JSON.parse(candidate);
  } catch {
    try {
      data = JSON.parse(repair(candidate));
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, reason: 'the JSON is not an object' };
  return { ok: true, value: data as Record<string, unknown> };
}

export type JsonParse = { ok: true; value: JsonPrompt } | { ok: false; reason: string };

/** Model text → our JSON prompt, every field a string; lists and nested objects flattened to text. */
export function parseJsonPrompt(text: string): JsonParse {
  const parsed = parseLooseJsonObject(text);
  if (!parsed.ok) return parsed;
  const record = parsed.value;
  const lower = Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
  const value = Object.fromEntries(
    JSON_FIELDS.map((field) => [field, asText(lower[field] ?? (field === 'colors' ? lower.colours : undefined))]),
  ) as JsonPrompt;
  const filled = JSON_FIELDS.filter((field) => value[field]).length;
  if (filled < 3) return { ok: false, reason: `only ${filled} of the ${JSON_FIELDS.length} fields are filled` };
  return { ok: true, value };
}

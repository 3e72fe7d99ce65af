/**
 * "How close?": every answer, structured output or not, is parsed and repaired here, then
 * validated against the verdict's schema (compiled at build time: extension pages forbid eval).
 */
import validate from 'virtual:score-verdict-validator';
import { parseLooseJsonObject } from '../prompt/json-prompt';
import { ASPECTS, MAX_DIFFERENCES, type Aspect, type Verdict } from './verdict-schema';

export type { Aspect, Verdict };

export type VerdictParse = { ok: true; verdict: Verdict } | { ok: false; reason: string };

/** "85", "85/100", "85%", 85.4 → 85; anything else stays as it was for the validator to refuse. */
function asScore(value: unknown): unknown {
  const n = typeof value === 'string' ? Number.parseFloat(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(100, Math.max(0, Math.round(n))) : value;
}

function asList(value: unknown): unknown {
  if (typeof value === 'string')
    return value
      .split(/\n+|;\s*/)
      .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
      .filter(Boolean);
  if (Array.isArray(value))
    return value.map((item) => (item && typeof item === 'object' ? Object.values(item).join(': ') : item));
  return value;
}

/** Names models use instead of ours. */
const ALIASES: Record<string, string> = {
  score: 'overall',
  overall_score: 'overall',
  color: 'colour',
  colors: 'colour',
  colours: 'colour',
  style_medium: 'style',
  medium: 'style',
  light: 'lighting',
  differences_list: 'differences',
};

/** Keys lower-cased and aliased; a nested `scores` object lifted to the top. */
function flatten(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const name = key.toLowerCase().replace(/[\s/-]+/g, '_');
    if ((name === 'scores' || name === 'sub_scores') && value && typeof value === 'object' && !Array.isArray(value))
      Object.assign(out, flatten(value as Record<string, unknown>));
    else out[ALIASES[name] ?? name] = value;
  }
  return out;
}

/** The model's answer → a verdict, repaired where the meaning is clear, or the reason it is unusable. */
export function parseVerdict(text: string): VerdictParse {
  const parsed = parseLooseJsonObject(text);
  if (!parsed.ok) return parsed;
  const flat = flatten(parsed.value);
  const candidateVerdict: Record<string, unknown> = { differences: asList(flat.differences ?? []) };
  for (const key of ['overall', ...ASPECTS]) candidateVerdict[key] = asScore(flat[key]);
  if (!validate(candidateVerdict)) {
    const error = validate.errors?.[0];
    return { ok: false, reason: error ? `${error.instancePath || 'verdict'} ${error.message}` : 'invalid verdict' };
  }
  const value = candidateVerdict as Record<Aspect | 'overall', number> & { differences: string[] };
  return {
    ok: true,
    verdict: {
      overall: value.overall,
      scores: Object.fromEntries(ASPECTS.map((aspect) => [aspect, value[aspect]])) as Record<Aspect, number>,
      differences: value.differences
        .map((d) => d.trim())
        .filter(Boolean)
        .slice(0, MAX_DIFFERENCES),
    },
  };
}

/**
 * A finished prompt → what one image generator is sent. The prompt was written for a target
 * tool (Midjourney parameters, a Stable Diffusion negative line, JSON); the generator that
 * recreates the image may be another one, so each of those is translated or dropped here.
 */
import { JSON_FIELDS, parseJsonPrompt, type JsonPrompt } from '../prompt/json-prompt';
import { parseRatio, sizeFor, type GenSize } from './image-size';
import type { ImageModelCaps } from './presets';

/** What changed on the way, so the Compare page can say so. */
export type PromptNote = 'negative-dropped' | 'params-removed' | 'json-flattened' | 'truncated';

export interface GeneratorPrompt {
  prompt: string;
  /** Only when the generator has a negative prompt. */
  negativePrompt?: string;
  size: GenSize;
  /** The shape aimed for (width / height), whatever the generator could do with it. */
  ratio: number;
  truncated: boolean;
  notes: PromptNote[];
}

export interface PrepareOptions {
  /** The original image: its shape is kept unless the prompt or the user says otherwise. */
  original?: { width: number; height: number };
  /** The "Image size" setting: "auto" (or empty), "WxH" or "W:H". */
  size?: string;
}

/** A `--ar`/`--aspect` value; the prompt's own choice of shape. */
const AR_PARAM = /\s--(?:ar|aspect)\s+(\d+(?:\.\d+)?:\d+(?:\.\d+)?)/i;
/** Every Midjourney parameter with its value(s): the same rule lib/prompt/midjourney.ts drops them by. */
const MJ_PARAMS = /(?:^|\s)--[a-z]+(?:\s+(?!--)[^\s,]+)*/gi;
/** The Stable Diffusion style's second line (lib/prompt/finalize.ts writes it). */
const NEGATIVE_LINE = /(?:^|\n)\s*(?:\*\*)?negative prompt(?:\*\*)?\s*:\s*/i;

function splitNegative(text: string): { positive: string; negative?: string } {
  const match = NEGATIVE_LINE.exec(text);
  if (!match) return { positive: text };
  const negative = text
    .slice(match.index + match[0].length)
    .replace(/\s*\n\s*/g, ', ')
    .trim();
  return { positive: text.slice(0, match.index).trim(), ...(negative ? { negative } : {}) };
}

/** The JSON style's fields as one paragraph, most important first; `negative` stays apart. */
export function flattenJsonPrompt(value: JsonPrompt): { prose: string; negative?: string } {
  const sentences = JSON_FIELDS.filter((field) => field !== 'negative')
    .map((field) => value[field].trim().replace(/[\s.;,]+$/, ''))
    .filter(Boolean);
  const negative = value.negative.trim();
  return { prose: sentences.map((s) => `${s}.`).join(' '), ...(negative ? { negative } : {}) };
}

/** Cut at the last word boundary within `max` characters; a word is never split. */
export function cutAtWord(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const head = text.slice(0, max + 1);
  const space = head.search(/\s\S*$/);
  const cut = space > max / 2 ? head.slice(0, space) : text.slice(0, max);
  return { text: cut.replace(/[\s,;:]+$/, ''), cut: true };
}

function wantedShape(
  prompt: string,
  options: PrepareOptions,
): { ratio: number; exact?: { width: number; height: number } } {
  const setting = options.size?.trim() ?? '';
  const exact = /^(\d+)\s*x\s*(\d+)$/i.exec(setting);
  if (exact) {
    const width = Number(exact[1]);
    const height = Number(exact[2]);
    if (width > 0 && height > 0) return { ratio: width / height, exact: { width, height } };
  }
  const fromSetting = setting && setting !== 'auto' ? parseRatio(setting) : undefined;
  if (fromSetting) return { ratio: fromSetting };
  const ar = AR_PARAM.exec(` ${prompt}`);
  const fromPrompt = ar ? parseRatio(ar[1]!) : undefined;
  if (fromPrompt) return { ratio: fromPrompt };
  const { width = 1, height = 1 } = options.original ?? {};
  return { ratio: width > 0 && height > 0 ? width / height : 1 };
}

export function prepareForGenerator(text: string, caps: ImageModelCaps, options: PrepareOptions = {}): GeneratorPrompt {
  const notes: PromptNote[] = [];
  const shape = wantedShape(text, options);
  let prompt = text.trim();
  let negative: string | undefined;

  const json = prompt.startsWith('{') ? parseJsonPrompt(prompt) : undefined;
  if (json?.ok && !caps.takesJson) {
    const flat = flattenJsonPrompt(json.value);
    prompt = flat.prose;
    negative = flat.negative;
    notes.push('json-flattened');
  } else if (!json?.ok) {
    const withoutParams = ` ${prompt}`
      .replace(MJ_PARAMS, '')
      .replace(/[ \t]+/g, ' ')
      .trim();
    if (withoutParams !== prompt) notes.push('params-removed');
    const split = splitNegative(withoutParams);
    prompt = split.positive.replace(/[\s,]+$/, '');
    negative = split.negative;
  }

  if (negative && !caps.negativePrompt) {
    negative = undefined;
    notes.push('negative-dropped');
  }
  const cut = cutAtWord(prompt, caps.maxPromptChars);
  if (cut.cut) notes.push('truncated');
  return {
    prompt: cut.text,
    ...(negative ? { negativePrompt: negative } : {}),
    size: sizeFor(caps.sizing, shape.ratio, shape.exact),
    ratio: shape.ratio,
    truncated: cut.cut,
    notes,
  };
}

/** The model's raw answer → the prompt the user copies, in the shape its target tool wants. */
import { JobFailure } from '../errors';
import { nearestAspectRatio } from './aspect-ratio';
import { looksLikeRefusal, stripWrapping } from './clean-output';
import { parseJsonPrompt } from './json-prompt';
import { withMidjourneyParams, type MidjourneyOptions } from './midjourney';
import type { StyleId } from './styles';

export type PromptKind = 'text' | 'json' | 'refusal';

export interface FinalPrompt {
  text: string;
  kind: PromptKind;
}

export interface FinalizeContext {
  /** Undefined for a custom template: only the generic clean-up applies. */
  style?: StyleId;
  original: { width: number; height: number };
  midjourney: MidjourneyOptions;
  /** The provider flagged a refusal (OpenAI's `refusal` field). */
  refusal?: string;
}

/** Used when a model forgets the negative line: what SD users would put there anyway. */
export const DEFAULT_NEGATIVE = 'lowres, blurry, jpeg artifacts, watermark, text, signature, deformed';

function stableDiffusion(text: string): string {
  const match = /\n?\s*(?:\*\*)?negative(?: prompt)?\s*(?:\*\*)?\s*:\s*(?:\*\*)?\s*/i.exec(text);
  const positive = (match ? text.slice(0, match.index) : text).replace(/\s*\n\s*/g, ', ').replace(/[\s,]+$/, '').trim();
  const negative = match ? text.slice(match.index + match[0].length).replace(/\s*\n\s*/g, ', ').trim() : '';
  return `${positive}\nNegative prompt: ${negative || DEFAULT_NEGATIVE}`;
}

export function finalizePrompt(raw: string, context: FinalizeContext): FinalPrompt {
  if (context.refusal?.trim()) return { kind: 'refusal', text: context.refusal.trim() };
  const text = stripWrapping(raw);
  if (looksLikeRefusal(text)) return { kind: 'refusal', text };
  if (!text) throw new JobFailure({ code: 'empty-answer' });
  switch (context.style) {
    case 'midjourney': {
      const ratio = nearestAspectRatio(context.original.width, context.original.height);
      return { kind: 'text', text: withMidjourneyParams(text, ratio, context.midjourney) };
    }
    case 'stable-diffusion':
      return { kind: 'text', text: stableDiffusion(text) };
    case 'json': {
      const parsed = parseJsonPrompt(raw);
      if (!parsed.ok) throw new JobFailure({ code: 'invalid-json', detail: parsed.reason });
      return { kind: 'json', text: JSON.stringify(parsed.value, null, 2) };
    }
    default:
      return { kind: 'text', text };
  }
}

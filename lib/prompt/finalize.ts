/** The model's raw answer → the prompt the user copies, in the shape its target tool wants. */
import { JobFailure } from '../errors';
import { looksLikeRefusal, stripWrapping } from './clean-output';
import type { DetailLevel } from './detail';
import type { MidjourneyOptions } from './midjourney';
import { styleOf, type StyleId } from './styles';
import type { StyleOutput } from './styles/style';

export type PromptKind = StyleOutput['kind'] | 'refusal';

export interface FinalPrompt {
  text: string;
  kind: PromptKind;
}

export interface FinalizeContext {
  /** Undefined for a custom template: only the generic clean-up applies. */
  style?: StyleId;
  /** The detail asked for (standard if not given); its budget goes to the style's finish step. */
  detail?: DetailLevel;
  original: { width: number; height: number };
  midjourney: MidjourneyOptions;
  /** The provider flagged a refusal (OpenAI's `refusal` field). */
  refusal?: string;
}

export function finalizePrompt(raw: string, context: FinalizeContext): FinalPrompt {
  if (context.refusal?.trim()) return { kind: 'refusal', text: context.refusal.trim() };
  const text = stripWrapping(raw);
  if (looksLikeRefusal(text)) return { kind: 'refusal', text };
  if (!text) throw new JobFailure({ code: 'empty-answer' });
  const style = context.style && styleOf(context.style);
  if (!style?.finish) return { kind: 'text', text };
  const budget = style.budgets[context.detail ?? 'standard'];
  return style.finish(text, { raw, original: context.original, midjourney: context.midjourney, budget });
}

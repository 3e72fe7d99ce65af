/**
 * What a prompt style is: everything that differs from one target tool to the next, in one
 * object. Callers ask the style (its instruction, its finish step, its structured output) and
 * never compare style ids. A new style is one file beside this one plus one line in index.ts.
 */
import type { DetailLevel } from '../detail';
import type { MidjourneyOptions } from '../midjourney';

/** What the user gets to copy: plain text, or a JSON document shown as code. */
export interface StyleOutput {
  text: string;
  kind: 'text' | 'json';
}

export interface FinishContext {
  /** The model's answer as it arrived. */
  raw: string;
  /** The original's size: aspect ratios come from it, not from the downscaled copy. */
  original: { width: number; height: number };
  midjourney: MidjourneyOptions;
  /** The budget the instruction asked for: where a style can enforce a hard cap, such as characters. */
  budget: number;
}

/** Sent as `response_format: json_schema` to providers that support structured outputs. */
export interface StructuredOutput {
  name: string;
  schema: Record<string, unknown>;
}

export interface PromptStyle {
  id: string;
  /** Per detail level, in the unit the instruction names: "About 80 words", "At most 125 characters". */
  budgets: Record<DetailLevel, number>;
  /** The system instruction for a budget, in a language given by its English name. */
  instruction(budget: number, language: string): string;
  /**
   * The cleaned answer (wrapping, preambles and refusals already handled) → what the user copies.
   * Absent: the cleaned text as it is. May throw a JobFailure when the answer is unusable.
   */
  finish?(text: string, context: FinishContext): StyleOutput;
  structuredOutput?: StructuredOutput;
  /** A text alternative for the web: offered as alt="…", <img>, Markdown and <figure> too. */
  altText?: boolean;
  /** What its prompts are as a training dataset's captions: comma-separated tags, or sentences. */
  caption: 'tags' | 'prose';
}

export const OUTPUT_RULES =
  'Reply with the prompt only: no introduction, no explanation, no markdown, no quotes around it. ' +
  'Describe only what is visible. Do not identify real people by name; describe them instead.';

/** Keeps the literal id, so StyleId is derived from the list in index.ts. */
export function defineStyle<const Id extends string>(style: PromptStyle & { id: Id }): PromptStyle & { id: Id } {
  return style;
}

/** The usual ending of an instruction: the answer's language, then our output rules. */
export function inLanguage(task: string, language: string): string {
  return `${task} Write the prompt in ${language}. ${OUTPUT_RULES}`;
}

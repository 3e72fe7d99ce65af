/**
 * What the vision model is asked for "How close?" and "Refine": the original and the
 * recreation as two labelled images, plus (for Refine) the prompt and what differed. The exact
 * messages are snapshot-tested (tests/unit/scoring.test.ts, "the messages, exactly").
 */
import type { ChatCompletionContentPart, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { OUTPUT_RULES } from '../prompt/styles/style';
import { MAX_DIFFERENCES } from './verdict-schema';

export interface ImagePair {
  /** Base64 data URLs of the two pictures, scaled for the provider. */
  original: string;
  recreation: string;
  /** Send OpenAI's `detail` hint (only to servers that understand it). */
  detailHint: boolean;
}

export function scoringInstruction(language: string): string {
  return (
    'You compare two images: an ORIGINAL and a RECREATION that an image model made from a text prompt ' +
    'describing the original. Judge how closely the recreation brings back the original. Score each aspect ' +
    'from 0 (nothing alike) to 100 (the same): subject (the same subjects, objects and details), composition ' +
    '(framing, layout, viewpoint), style (style and medium), colour (palette and balance), lighting (direction, ' +
    'quality, time of day); then an overall score, which is not simply their average: a wrong subject caps it. ' +
    `List at most ${MAX_DIFFERENCES} concrete differences, most important first, each one short sentence naming ` +
    'what the original has that the recreation lacks or gets wrong, written so that a better prompt could fix it. ' +
    `Write the differences in ${language}. Answer with one JSON object only: {"overall", "subject", ` +
    '"composition", "style", "colour", "lighting" (integers 0–100), "differences" (a list of strings)}. ' +
    'Do not identify real people by name.'
  );
}

export const SCORING_REQUEST = 'Compare the RECREATION with the ORIGINAL.';

function pictures(pair: ImagePair): ChatCompletionContentPart[] {
  const image = (url: string): ChatCompletionContentPart => ({
    type: 'image_url',
    image_url: pair.detailHint ? { url, detail: 'high' } : { url },
  });
  return [
    { type: 'text', text: 'ORIGINAL:' },
    image(pair.original),
    { type: 'text', text: 'RECREATION:' },
    image(pair.recreation),
  ];
}

export function scoringMessages(pair: ImagePair, language: string): ChatCompletionMessageParam[] {
  return [
    { role: 'system', content: scoringInstruction(language) },
    { role: 'user', content: [{ type: 'text', text: SCORING_REQUEST }, ...pictures(pair)] },
  ];
}

export interface RefineInput {
  /** The style's (or template's) own instruction: the new prompt keeps its form. */
  styleInstruction: string;
  prompt: string;
  differences: string[];
}

export const REFINE_TASK =
  'The RECREATION below was made by an image model from the PROMPT below, written for the ORIGINAL. ' +
  'Write an improved prompt in the same form, so that the image model brings back the ORIGINAL more ' +
  'closely: keep what the recreation already got right, fix the differences listed, and state what was ' +
  'missing or wrong more explicitly (subject first). The new prompt replaces the old one: it stands alone. ' +
  OUTPUT_RULES;

export function refineMessages(pair: ImagePair, input: RefineInput): ChatCompletionMessageParam[] {
  const differences = input.differences.length
    ? input.differences.map((d) => `- ${d}`).join('\n')
    : '- (none listed: compare the images yourself)';
  return [
    { role: 'system', content: `${input.styleInstruction}\n\n${REFINE_TASK}` },
    {
      role: 'user',
      content: [
        ...pictures(pair),
        { type: 'text', text: `PROMPT:\n${input.prompt}\n\nDIFFERENCES:\n${differences}` },
        { type: 'text', text: 'Write the improved prompt.' },
      ],
    },
  ];
}

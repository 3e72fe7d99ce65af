/** A structured prompt: one JSON object of string fields, keys in English, values in the user's language. */
import { JobFailure } from '../../errors';
import { JSON_PROMPT_SCHEMA, parseJsonPrompt } from '../json-prompt';
import { defineStyle, OUTPUT_RULES } from './style';

export const json = defineStyle({
  id: 'json',
  caption: 'prose',
  budgets: { short: 4, standard: 10, detailed: 25 },
  instruction: (n, language) =>
    'Describe the image as a structured prompt: a single JSON object with exactly these string fields — ' +
    'subject, medium, style, composition, lighting, colors, camera, mood, details, negative (things to ' +
    `avoid when recreating it). Each value at most ${n} words. Output only the JSON object. ` +
    `Write the JSON keys in English and the values in ${language}. ${OUTPUT_RULES}`,
  // Parsed from the raw answer: the generic clean-up could strip quotes or fences a repair needs.
  finish: (_, { raw }) => {
    const parsed = parseJsonPrompt(raw);
    if (!parsed.ok) throw new JobFailure({ code: 'invalid-json', detail: parsed.reason });
    return { kind: 'json', text: JSON.stringify(parsed.value, null, 2) };
  },
  structuredOutput: { name: 'image_prompt', schema: JSON_PROMPT_SCHEMA as unknown as Record<string, unknown> },
});

/**
 * Alt text for the web, as WCAG practice has it: what the image shows and why it is there, in
 * one short line (screen readers read it in one breath; ~125 characters is the usual ceiling),
 * object–action–context order, any text in the image transcribed, and no "image of" (the screen
 * reader already says "image").
 */
import { capCharacters, withoutImageOf } from '../alt-text-finish';
import { defineStyle, OUTPUT_RULES } from './style';

export const altText = defineStyle({
  id: 'alt-text',
  caption: 'prose',
  budgets: { short: 80, standard: 110, detailed: 125 },
  instruction: (n, language) =>
    'Write alt text for this image, for people who use a screen reader: one plain sentence in the order ' +
    'object, action, context — what is shown, what it is doing, where or why. Transcribe any text that is ' +
    'visible in the image exactly. Do not begin with "image of", "picture of" or "photo of", and do not ' +
    `describe decoration that carries no meaning. At most ${n} characters. Write the alt text ` +
    `in ${language}. ${OUTPUT_RULES}`,
  altText: true,
  finish: (text, { budget }) => ({
    kind: 'text',
    text: capCharacters(withoutImageOf(text.replace(/\s+/g, ' ')), budget),
  }),
});

/**
 * A long description for complex images (charts, diagrams, infographics, busy scenes): the
 * paragraph that goes beside or below the image when a short alt text cannot carry it.
 */
import { withoutImageOf } from '../alt-text-finish';
import { defineStyle, OUTPUT_RULES } from './style';

export const longDescription = defineStyle({
  id: 'long-description',
  caption: 'prose',
  budgets: { short: 60, standard: 120, detailed: 220 },
  instruction: (n, language) =>
    'Write a long description of this image for people who cannot see it: one paragraph that starts with ' +
    'what the image is and its main point, then the important parts in a logical order (for a chart or ' +
    'diagram: its type, axes, values and trend; for a scene: from the most to the least important). ' +
    'Transcribe any visible text exactly. Do not begin with "image of" or "picture of". ' +
    `About ${n} words. Write the description in ${language}. ${OUTPUT_RULES}`,
  altText: true,
  finish: (text) => ({ kind: 'text', text: withoutImageOf(text) }),
});

/** Midjourney: comma-separated phrases; the --parameters come from our settings, never from the model. */
import { nearestAspectRatio } from '../aspect-ratio';
import { withMidjourneyParams } from '../midjourney';
import { defineStyle, inLanguage } from './style';

export const midjourney = defineStyle({
  id: 'midjourney',
  caption: 'prose',
  // Midjourney weighs early words most and ignores much past ~60 words.
  budgets: { short: 10, standard: 18, detailed: 30 },
  instruction: (n, language) =>
    inLanguage(
      'Write a Midjourney prompt: one line of comma-separated descriptive phrases, most important first — ' +
        'the subject and action, the setting, the medium or art style (for example "35mm film photograph", ' +
        '"watercolor illustration", "isometric 3D render"), the art movement or aesthetic, the lighting, the ' +
        `composition and camera, the colour palette, the mood, then finishing details. About ${n} phrases. ` +
        'Do not write any --parameters such as --ar or --v; they are added separately.',
      language,
    ),
  finish: (text, { original, midjourney: options }) => ({
    kind: 'text',
    text: withMidjourneyParams(text, nearestAspectRatio(original.width, original.height), options),
  }),
});

import { defineStyle, inLanguage } from './style';

export const natural = defineStyle({
  id: 'natural',
  caption: 'prose',
  budgets: { short: 40, standard: 80, detailed: 160 },
  instruction: (n, language) =>
    inLanguage(
      'Write one vivid, descriptive paragraph that would let a text-to-image model recreate this image: ' +
        'the main subject and what it is doing, the setting, the medium or artistic style, the lighting, ' +
        `the composition and camera angle, the colour palette and the mood. Be concrete and visual. About ${n} words.`,
      language,
    ),
});

import { defineStyle, inLanguage } from './style';

export const flux = defineStyle({
  id: 'flux',
  caption: 'prose',
  budgets: { short: 50, standard: 110, detailed: 200 },
  instruction: (n, language) =>
    inLanguage(
      "Write a prompt for the FLUX image model in natural, flowing prose, as detailed as a photographer's " +
        'brief: the subject, the setting, the style or medium, the lighting, the composition and camera (lens, ' +
        'angle, depth of field), colours, textures and mood. If any text is visible in the image, quote it ' +
        `exactly in double quotes and say where it appears. About ${n} words.`,
      language,
    ),
});

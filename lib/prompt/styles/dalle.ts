import { defineStyle, inLanguage } from './style';

export const dalle = defineStyle({
  id: 'dalle',
  caption: 'prose',
  budgets: { short: 40, standard: 80, detailed: 150 },
  instruction: (n, language) =>
    inLanguage(
      'Write a prompt for DALL·E and GPT Image in clear, literal natural prose: name the medium and style ' +
        'first, then the subject, the setting, the composition, the lighting, the colours and the mood. Be ' +
        `specific rather than poetic. About ${n} words.`,
      language,
    ),
});

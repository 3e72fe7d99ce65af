import { defineStyle, inLanguage } from './style';

/** Used when a model forgets the negative line: what SD users would put there anyway. */
export const DEFAULT_NEGATIVE = 'lowres, blurry, jpeg artifacts, watermark, text, signature, deformed';

/** Positive tags on one line, then "Negative prompt: …" — the layout AUTOMATIC1111 and ComfyUI users paste. */
function withNegativeLine(text: string): string {
  const match = /\n?\s*(?:\*\*)?negative(?: prompt)?\s*(?:\*\*)?\s*:\s*(?:\*\*)?\s*/i.exec(text);
  const positive = (match ? text.slice(0, match.index) : text)
    .replace(/\s*\n\s*/g, ', ')
    .replace(/[\s,]+$/, '')
    .trim();
  const negative = match
    ? text
        .slice(match.index + match[0].length)
        .replace(/\s*\n\s*/g, ', ')
        .trim()
    : '';
  return `${positive}\nNegative prompt: ${negative || DEFAULT_NEGATIVE}`;
}

export const stableDiffusion = defineStyle({
  id: 'stable-diffusion',
  caption: 'tags',
  // Short stays inside CLIP's 77-token window (about 20 short tags).
  budgets: { short: 20, standard: 30, detailed: 45 },
  instruction: (n, language) =>
    inLanguage(
      'Write a Stable Diffusion prompt as comma-separated tags and short phrases, most important first: ' +
        'subject, attributes, setting, medium, style, lighting, composition, colours, and quality tags such as ' +
        `"highly detailed" or "sharp focus". At most ${n} tags. Emphasise the two or three most important tags ` +
        'with weight syntax, for example (golden hour:1.2), using weights from 1.1 to 1.4. Then, on a new line, ' +
        'write "Negative prompt:" followed by comma-separated things to avoid for this image, such as blurry, ' +
        'lowres, watermark.',
      language,
    ),
  finish: (text) => ({ kind: 'text', text: withNegativeLine(text) }),
});

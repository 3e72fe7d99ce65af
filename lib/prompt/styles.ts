/**
 * Prompt styles: what each target image model wants, as data. The instruction for a style ×
 * detail × language is built by small pure functions, so the exact messages we send are
 * snapshot-tested (tests/unit/prompt-messages.test.ts).
 */
import type { DetailLevel } from './detail';

export const STYLE_IDS = ['natural', 'midjourney', 'stable-diffusion', 'flux', 'dalle', 'json'] as const;
export type StyleId = (typeof STYLE_IDS)[number];

export function isStyleId(value: unknown): value is StyleId {
  return typeof value === 'string' && (STYLE_IDS as readonly string[]).includes(value);
}

/** Budgets per detail level: words of prose, or phrases/tags for list-like styles. */
export const BUDGETS: Record<StyleId, Record<DetailLevel, number>> = {
  natural: { short: 40, standard: 80, detailed: 160 },
  // Midjourney weighs early words most and ignores much past ~60 words.
  midjourney: { short: 10, standard: 18, detailed: 30 },
  // Short stays inside CLIP's 77-token window (about 20 short tags).
  'stable-diffusion': { short: 20, standard: 30, detailed: 45 },
  flux: { short: 50, standard: 110, detailed: 200 },
  dalle: { short: 40, standard: 80, detailed: 150 },
  json: { short: 4, standard: 10, detailed: 25 },
};

const STYLE_TASKS: Record<StyleId, (n: number) => string> = {
  natural: (n) =>
    'Write one vivid, descriptive paragraph that would let a text-to-image model recreate this image: ' +
    'the main subject and what it is doing, the setting, the medium or artistic style, the lighting, ' +
    `the composition and camera angle, the colour palette and the mood. Be concrete and visual. About ${n} words.`,
  midjourney: (n) =>
    'Write a Midjourney prompt: one line of comma-separated descriptive phrases, most important first — ' +
    'the subject and action, the setting, the medium or art style (for example "35mm film photograph", ' +
    '"watercolor illustration", "isometric 3D render"), the art movement or aesthetic, the lighting, the ' +
    `composition and camera, the colour palette, the mood, then finishing details. About ${n} phrases. ` +
    'Do not write any --parameters such as --ar or --v; they are added separately.',
  'stable-diffusion': (n) =>
    'Write a Stable Diffusion prompt as comma-separated tags and short phrases, most important first: ' +
    'subject, attributes, setting, medium, style, lighting, composition, colours, and quality tags such as ' +
    `"highly detailed" or "sharp focus". At most ${n} tags. Emphasise the two or three most important tags ` +
    'with weight syntax, for example (golden hour:1.2), using weights from 1.1 to 1.4. Then, on a new line, ' +
    'write "Negative prompt:" followed by comma-separated things to avoid for this image, such as blurry, lowres, watermark.',
  flux: (n) =>
    'Write a prompt for the FLUX image model in natural, flowing prose, as detailed as a photographer\'s ' +
    'brief: the subject, the setting, the style or medium, the lighting, the composition and camera (lens, ' +
    'angle, depth of field), colours, textures and mood. If any text is visible in the image, quote it ' +
    `exactly in double quotes and say where it appears. About ${n} words.`,
  dalle: (n) =>
    'Write a prompt for DALL·E and GPT Image in clear, literal natural prose: name the medium and style ' +
    'first, then the subject, the setting, the composition, the lighting, the colours and the mood. Be ' +
    `specific rather than poetic. About ${n} words.`,
  json: (n) =>
    'Describe the image as a structured prompt: a single JSON object with exactly these string fields — ' +
    'subject, medium, style, composition, lighting, colors, camera, mood, details, negative (things to ' +
    `avoid when recreating it). Each value at most ${n} words. Output only the JSON object.`,
};

export const OUTPUT_RULES =
  'Reply with the prompt only: no introduction, no explanation, no markdown, no quotes around it. ' +
  'Describe only what is visible. Do not identify real people by name; describe them instead.';

export function styleInstruction(style: StyleId, detail: DetailLevel, language: string): string {
  const languageRule =
    style === 'json'
      ? `Write the JSON keys in English and the values in ${language}.`
      : `Write the prompt in ${language}.`;
  return `${STYLE_TASKS[style](BUDGETS[style][detail])} ${languageRule} ${OUTPUT_RULES}`;
}

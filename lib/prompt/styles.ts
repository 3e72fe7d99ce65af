/**
 * Prompt styles: the instruction each target image model needs. Data plus small functions,
 * so the exact messages we send can be snapshot-tested.
 */
export const STYLE_IDS = ['natural', 'midjourney', 'stable-diffusion', 'flux', 'dalle', 'json'] as const;
export type StyleId = (typeof STYLE_IDS)[number];

export function isStyleId(value: unknown): value is StyleId {
  return typeof value === 'string' && (STYLE_IDS as readonly string[]).includes(value);
}

const RULES =
  'Reply with the prompt only: no preamble, no explanation, no markdown, no quotes around it. ' +
  'Describe only what is visible; do not name real people.';

const INSTRUCTIONS: Record<StyleId, string> = {
  natural:
    'You write prompts for text-to-image models. Describe the image as one vivid paragraph of ' +
    'about 80 words: the subject, the setting, the artistic style or medium, the lighting, the ' +
    'composition and camera angle, the colour palette and the mood.',
  midjourney:
    'You write Midjourney prompts. Give one line of comma-separated descriptors, most important ' +
    'first: subject, setting, medium or art style, lighting, composition, colour palette, mood, ' +
    'notable details. Do not add any --parameters.',
  'stable-diffusion':
    'You write Stable Diffusion prompts. Give comma-separated tags, most important first, and ' +
    'weight the two or three most important with SD syntax such as (golden hour:1.2). Then on a ' +
    'new line write "Negative prompt:" followed by comma-separated things to avoid.',
  flux:
    'You write prompts for the Flux image model. Describe the image in natural, detailed prose: ' +
    'subject, setting, style, lighting, composition, colours, mood. Quote any text that appears ' +
    'in the image exactly, in double quotes.',
  dalle:
    'You write prompts for DALL·E and GPT Image. Describe the image in clear natural prose of ' +
    'about 80 words: subject, setting, style or medium, lighting, composition, colours and mood.',
  json:
    'You write structured prompts for image models. Reply with a single JSON object with the ' +
    'string fields subject, medium, style, composition, lighting, colors, camera, mood, details ' +
    'and negative. No text outside the JSON.',
};

export function styleInstruction(style: StyleId, language = 'English'): string {
  return `${INSTRUCTIONS[style]} Write the prompt in ${language}. ${RULES}`;
}

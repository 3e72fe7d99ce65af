/**
 * A prompt → a training caption. Tags (Stable Diffusion, CLIP-style trainers) or prose (Flux,
 * T5-style trainers): the caption is the prompt of that style, cleaned of what only an image
 * generator reads, on one line, with the user's trigger word in front.
 */
export type CaptionStyle = 'tags' | 'prose';

/** Everything from the "Negative prompt:" line on: the opposite of a caption. */
const NEGATIVE = /\n?\s*(?:\*\*)?negative(?: prompt)?\s*(?:\*\*)?\s*:[\s\S]*$/i;
/** `(tag:1.2)` → `tag`; also `[tag]` and `((tag))` emphasis. */
const WEIGHTED = /\(([^()]*?)(?::\s*-?\d+(?:\.\d+)?)?\)/g;
const BRACKETED = /\[([^[\]]*)\]/g;
/** Midjourney's `--ar 16:9 --v 7` and the like. */
const PARAMETERS = /\s--[a-z]+(?:\s+[^\s-][^\s]*)?/gi;

/** An SD prompt as plain comma-separated tags: no negative line, no weights or emphasis. */
export function tagsCaption(prompt: string): string {
  let text = prompt.replace(NEGATIVE, '');
  let previous: string;
  do {
    previous = text;
    text = text.replace(WEIGHTED, '$1').replace(BRACKETED, '$1');
  } while (text !== previous);
  return text
    .replace(PARAMETERS, '')
    .split(/\s*[,\n]\s*/)
    .map((tag) => tag.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(', ');
}

/** Prose on one line: caption files are read one line per image by most trainers. */
export function proseCaption(prompt: string): string {
  return prompt.replace(PARAMETERS, '').replace(/\s+/g, ' ').trim();
}

/** The trigger word or prefix in front; a comma between unless the prefix ends with its own punctuation. */
export function withTrigger(caption: string, trigger: string | undefined): string {
  const prefix = trigger?.trim();
  if (!prefix) return caption;
  if (!caption) return prefix;
  return /[,.;:]$/.test(prefix) ? `${prefix} ${caption}` : `${prefix}, ${caption}`;
}

export function toCaption(prompt: string, style: CaptionStyle, trigger?: string): string {
  return withTrigger(style === 'tags' ? tagsCaption(prompt) : proseCaption(prompt), trigger);
}

/** The finish steps of the accessibility styles: what screen-reader users should not hear. */

/** "Image of…", "A photo showing…": a screen reader already announces an image. */
const IMAGE_OF = new RegExp(
  String.raw`^(?:(?:an?|the)\s+)?(?:image|picture|photo|photograph|graphic|illustration)\s+` +
    String.raw`(?:of|showing|shows|depicting|that shows)\s+`,
  'i',
);

export function withoutImageOf(text: string): string {
  const trimmed = text.trim();
  const rest = trimmed.replace(IMAGE_OF, '');
  if (rest === trimmed || !rest) return trimmed;
  return rest.charAt(0).toLocaleUpperCase() + rest.slice(1);
}

/**
 * At most `max` characters (code points): cut at the last sentence end if one is near, else at
 * the last word, with an ellipsis. Models miscount characters; readers notice a cut mid-word.
 */
export function capCharacters(text: string, max: number): string {
  const chars = Array.from(text.trim());
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, max).join('');
  const sentenceEnd = Math.max(
    head.lastIndexOf('. '),
    head.lastIndexOf('! '),
    head.lastIndexOf('? '),
    head.lastIndexOf('。'),
  );
  if (sentenceEnd >= max / 2) return head.slice(0, sentenceEnd + 1);
  const room = Array.from(text.trim())
    .slice(0, max - 1)
    .join('');
  const space = room.lastIndexOf(' ');
  const cut = space >= max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}

/**
 * Alt text as the user pastes it: plain, as an attribute, in an <img> tag, in Markdown, or in a
 * <figure>. Model output is untrusted text: every format escapes it for where it lands, so a
 * quote or a `<script>` in a description cannot break out of the markup.
 */
export const ALT_FORMATS = ['plain', 'attribute', 'img', 'markdown', 'figure'] as const;
export type AltFormat = (typeof ALT_FORMATS)[number];

/** The formats that embed the image's address need one. */
export const NEEDS_SRC: ReadonlySet<AltFormat> = new Set(['img', 'markdown', 'figure']);

/** Inside a double-quoted attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Between tags. */
export function escapeHtmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Markdown image text: brackets and backslashes would end or bend it. */
const escapeMarkdownAlt = (value: string) => value.replace(/[\\[\]]/g, (c) => `\\${c}`);

/** Markdown link destination: spaces, parentheses and angle brackets would end it early. */
const markdownUrl = (url: string) =>
  url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** An attribute is one line: line breaks become spaces. */
const oneLine = (text: string) => text.trim().replace(/\s+/g, ' ');

export function availableFormats(src: string | undefined): AltFormat[] {
  return ALT_FORMATS.filter((format) => src || !NEEDS_SRC.has(format));
}

export function formatAltText(format: AltFormat, text: string, src = ''): string {
  const alt = oneLine(text);
  const img = (altValue: string) => `<img src="${escapeAttribute(src)}" alt="${escapeAttribute(altValue)}">`;
  switch (format) {
    case 'plain':
      return text.trim();
    case 'attribute':
      return `alt="${escapeAttribute(alt)}"`;
    case 'img':
      return img(alt);
    case 'markdown':
      return `![${escapeMarkdownAlt(alt)}](${markdownUrl(src)})`;
    case 'figure':
      // The caption carries the description; an empty alt keeps screen readers from reading it twice.
      return `<figure>\n  ${img('')}\n  <figcaption>${escapeHtmlText(text.trim())}</figcaption>\n</figure>`;
  }
}

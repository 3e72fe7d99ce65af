/**
 * Markdown: the library as a document to read or paste into notes. Per image a heading with
 * its date and page, then each prompt in a code fence that no prompt text can close early.
 */
import type { ExportEntry, ExportFile, ExportPrompt } from './export-types';

export interface MarkdownOptions {
  title: string;
  formatDate: (time: number) => string;
  /** A style's display name; templates show their own name. */
  styleName: (prompt: ExportPrompt) => string;
  /** Shown beside a prompt that failed or was refused. */
  failedLabel: string;
  refusalLabel: string;
}

const defaults: MarkdownOptions = {
  title: 'PromptLens history',
  formatDate: (time) => `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  styleName: (prompt) => prompt.template?.name ?? prompt.style,
  failedLabel: 'failed',
  refusalLabel: 'refused',
};

/** A fence longer than any backtick run in the text (at least three). */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Page titles are the web's text: one line, Markdown's punctuation taken literally. */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** An autolink when the URL allows one, else the URL as escaped text. */
function link(url: string): string {
  return /^[a-z][a-z0-9+.-]*:[^\s<>]*$/i.test(url) ? `<${url}>` : escapeInline(url);
}

function promptBlock(prompt: ExportPrompt, options: MarkdownOptions): string[] {
  const notes = [`**${escapeInline(options.styleName(prompt))}**`, escapeInline(prompt.model)];
  if (prompt.status === 'failed') notes.push(escapeInline(options.failedLabel));
  if (prompt.kind === 'refusal') notes.push(escapeInline(options.refusalLabel));
  const fence = fenceFor(prompt.text);
  return [notes.join(' · '), '', `${fence}${prompt.kind === 'json' ? 'json' : ''}`, prompt.text, fence, ''];
}

function entryBlock(entry: ExportEntry, options: MarkdownOptions): string[] {
  const prompts = entry.prompts.filter((prompt) => prompt.text.trim());
  if (prompts.length === 0) return [];
  const page = entry.source.pageTitle?.trim();
  const heading = [options.formatDate(entry.createdAt), ...(page ? [escapeInline(page)] : [])].join(' · ');
  const url = entry.source.pageUrl ?? entry.source.imageUrl;
  return [
    `## ${heading}`,
    '',
    ...(url ? [link(url), ''] : []),
    ...prompts.flatMap((prompt) => promptBlock(prompt, options)),
  ];
}

export function toMarkdown(file: ExportFile, overrides: Partial<MarkdownOptions> = {}): string {
  const options = { ...defaults, ...overrides };
  const lines = [
    `# ${escapeInline(options.title)}`,
    '',
    ...file.entries.flatMap((entry) => entryBlock(entry, options)),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

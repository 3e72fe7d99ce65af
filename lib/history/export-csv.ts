/**
 * CSV: one row per prompt, for spreadsheets. RFC 4180 (CRLF, fields quoted when they hold a
 * quote, comma or line break), with a UTF-8 BOM so Excel reads accents and CJK correctly.
 */
import type { ExportFile, ExportPrompt } from './export-types';

const COLUMNS = [
  'entry_id',
  'prompt_id',
  'created_at',
  'style',
  'template',
  'detail',
  'language',
  'provider',
  'model',
  'status',
  'kind',
  'prompt',
  'error',
  'favorite',
  'page_title',
  'page_url',
  'image_url',
  'width',
  'height',
  'prompt_tokens',
  'completion_tokens',
] as const;

type Cell = string | number | boolean | undefined;

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab/CR that some strip
 * first) gets a leading apostrophe: a prompt from a web page must never become a formula.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(cell: Cell): string {
  const text = neutralizeFormula(cell === undefined ? '' : String(cell));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function row(entry: ExportFile['entries'][number], prompt: ExportPrompt): Cell[] {
  const source = prompt.source ?? entry.source;
  const values: Record<(typeof COLUMNS)[number], Cell> = {
    entry_id: entry.id,
    prompt_id: prompt.id,
    created_at: new Date(prompt.createdAt).toISOString(),
    style: prompt.style,
    template: prompt.template?.name,
    detail: prompt.detail,
    language: prompt.language,
    provider: prompt.provider,
    model: prompt.model,
    status: prompt.status,
    kind: prompt.kind,
    prompt: prompt.text,
    error: prompt.error?.code,
    favorite: entry.favorite,
    page_title: source.pageTitle,
    page_url: source.pageUrl,
    image_url: source.imageUrl,
    width: prompt.image?.originalWidth,
    height: prompt.image?.originalHeight,
    prompt_tokens: prompt.usage?.promptTokens,
    completion_tokens: prompt.usage?.completionTokens,
  };
  return COLUMNS.map((column) => values[column]);
}

export function toCsv(file: ExportFile): string {
  const lines = [COLUMNS.join(',')];
  for (const entry of file.entries)
    for (const prompt of entry.prompts) lines.push(row(entry, prompt).map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The text files of a dataset zip: `metadata.jsonl` (Hugging Face imagefolder), `captions.csv`
 * and `failed.csv`. CSV cells go through the history export's quoting, formula guard included.
 */
import { csvField } from '../history/export-csv';

export interface CaptionRow {
  fileName: string;
  caption: string;
  imageUrl?: string;
}

export interface FailedImage {
  /** The image's checkbox name. */
  name: string;
  imageUrl?: string;
  /** Why it is not in the dataset: an error code or message, as the Batch page shows it. */
  reason: string;
}

/** One JSON object per line: `{"file_name":"0001.jpg","text":"…"}`. */
export function metadataJsonl(rows: readonly CaptionRow[]): string {
  return rows.map((row) => `${JSON.stringify({ file_name: row.fileName, text: row.caption })}\n`).join('');
}

// No BOM, unlike the history CSV: these files are read by training scripts (pandas, datasets),
// which would take the BOM into the first column's name.
const csv = (header: string[], rows: (string | undefined)[][]) =>
  `${[header, ...rows].map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;

export function captionsCsv(rows: readonly CaptionRow[]): string {
  return csv(
    ['file_name', 'caption', 'image_url'],
    rows.map((row) => [row.fileName, row.caption, row.imageUrl]),
  );
}

export function failedCsv(rows: readonly FailedImage[]): string {
  return csv(
    ['name', 'image_url', 'reason'],
    rows.map((row) => [row.name, row.imageUrl, row.reason]),
  );
}

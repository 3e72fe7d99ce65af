/** What the Batch page's Export asks for: the page's choices, the builder's input. */
export type BatchExportFormat = 'dataset' | 'json' | 'csv' | 'markdown';

export interface BatchExportOptions {
  format: BatchExportFormat;
  /** Dataset only: the image files as downloaded, or resized to this long side. */
  images:
    | { kind: 'original' }
    | { kind: 'resized'; longSide: 512 | 768 | 1024 | 1536; type: 'image/jpeg' | 'image/png' };
  /** Dataset only: put in front of every caption (a LoRA trigger word), with ", " after it. */
  prefix?: string;
  /** Dataset only: tags (comma-separated, for SD) or prose (for Flux). */
  captionStyle: 'tags' | 'prose';
}

/**
 * The Batch page's Export: a batch → one file, from what is stored now (so re-exporting after
 * more images finished gives those too). The Dataset zip streams one image at a time; the
 * prompts files are the history export's own formats.
 *
 * Where the dataset's images come from: the file as downloaded, kept per batch in
 * `db.batchFiles` (the smallest rendition covering what the provider uses, so typically a few
 * hundred KB, not the 40 MB original); failing that, the normalized image sent to the provider
 * (`db.images`, a cache of the newest 100). An image with neither is listed in failed.csv.
 */
import { blobToDataUrl } from '../image/data-url';
import { resizeToLongSide } from '../image/resize-long-side';
import { db } from '../history/db';
import type { MarkdownOptions } from '../history/export-markdown';
import type { Job } from '../jobs/types';
import type { BatchItem, BatchRecord } from './batch-record';
import { getBatch, getBatchFile } from './batch-store';
import { datasetZipStream, type DatasetItem, type ResizeImage } from './dataset-export';
import type { FailedImage } from './dataset-files';
import type { BatchExportOptions } from './export-options';
import { exportBatchPrompts, type BatchImageRecord } from './prompts-export';

export interface ExportExtras {
  /** Words for the Markdown file (the history export's: title, dates, style names). */
  markdown?: Partial<MarkdownOptions>;
  /** Why an image is not in the dataset, in the user's words; the error code otherwise. */
  reason?: (item: BatchItem) => string;
  /** Scales an image for "resized"; a canvas in extension pages. */
  resizeImage?: ResizeImage;
  now?: Date;
}

export interface BatchExport {
  blob: Blob;
  fileName: string;
}

const TYPES = {
  dataset: { extension: 'zip', type: 'application/zip' },
  json: { extension: 'json', type: 'application/json' },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8' },
  markdown: { extension: 'md', type: 'text/markdown;charset=utf-8' },
} as const;

/** promptlens-batch-<site>-YYYY-MM-DD.<ext> */
export function batchFileName(batch: Pick<BatchRecord, 'pageUrl'>, extension: string, now: Date): string {
  let site = '';
  try {
    site = new URL(batch.pageUrl).hostname.replace(/^www\./, '').replace(/[^a-z0-9.-]+/gi, '-');
  } catch {
    // not a URL: the name goes without it
  }
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `promptlens-batch-${site ? `${site}-` : ''}${day}.${extension}`;
}

export function defaultReason(item: BatchItem): string {
  if (item.status !== 'failed') return 'not-finished';
  const error = item.error;
  if (!error) return 'unknown';
  return error.detail ? `${error.code}: ${error.detail}` : error.status ? `${error.code}: ${error.status}` : error.code;
}

/** The file as downloaded, else the image sent to the provider. */
async function imageOf(batch: BatchRecord, item: BatchItem): Promise<Blob> {
  const file = await getBatchFile(batch.id, item.id);
  if (file) return file;
  const sent = item.entryId === undefined ? undefined : await db.images.get(item.entryId);
  if (sent !== undefined) return sent.blob;
  throw new Error('image-missing');
}

/** Its address, when it has one worth listing (not blob:). */
const addressOf = (item: BatchItem) =>
  item.candidate.url && /^https?:/i.test(item.candidate.url) ? { imageUrl: item.candidate.url } : {};

const failure = (item: BatchItem, reason: string): FailedImage => ({
  name: item.candidate.name,
  ...addressOf(item),
  reason,
});

/**
 * The Dataset zip as a stream: for a page that writes it straight to a file
 * (showSaveFilePicker), memory holds one image whatever the batch size.
 */
export async function batchDatasetStream(
  batch: BatchRecord,
  options: BatchExportOptions,
  extras: ExportExtras = {},
): Promise<ReadableStream<Uint8Array>> {
  const reason = extras.reason ?? defaultReason;
  const done = batch.items.filter((item) => item.status === 'done' && item.jobId);
  // Prompts are small: read at once; images are read one at a time, when the zip reaches them.
  const jobs = await db.jobs.bulkGet(done.map((item) => item.jobId!));
  const failed: FailedImage[] = batch.items
    .filter((item) => !done.includes(item))
    .map((item) => failure(item, reason(item)));
  const items: DatasetItem[] = [];
  done.forEach((item, i) => {
    const job: Job | undefined = jobs[i];
    if (job?.status !== 'done') failed.push(failure(item, 'prompt-deleted'));
    else if (job.kind === 'refusal') failed.push(failure(item, 'refusal'));
    else
      items.push({
        name: item.candidate.name,
        ...addressOf(item),
        prompt: job.text,
        image: () => imageOf(batch, item),
      });
  });
  const resize =
    options.images.kind === 'resized'
      ? {
          longSide: options.images.longSide,
          format: options.images.type === 'image/png' ? ('png' as const) : ('jpeg' as const),
          resizeImage: extras.resizeImage ?? resizeToLongSide,
        }
      : undefined;
  return datasetZipStream(items, {
    captionStyle: options.captionStyle,
    ...(options.prefix?.trim() ? { trigger: options.prefix } : {}),
    ...(resize ? { resize } : {}),
    failed,
    ...(extras.now ? { now: extras.now } : {}),
  });
}

/** The batch's images as the history export has them: entry, every prompt, thumbnail for JSON. */
async function imageRecords(batch: BatchRecord, withThumbnails: boolean): Promise<BatchImageRecord[]> {
  const records: BatchImageRecord[] = [];
  for (const item of batch.items) {
    if (!item.entryId) continue;
    const [entry, jobs, thumbnail] = await Promise.all([
      db.history.get(item.entryId),
      db.jobs.where('imageId').equals(item.entryId).toArray(),
      withThumbnails ? db.thumbnails.get(item.entryId) : undefined,
    ]);
    if (!entry) continue;
    records.push({
      entry,
      jobs,
      ...(thumbnail ? { thumbnail: await blobToDataUrl(thumbnail.blob, 'image/webp') } : {}),
    });
  }
  return records;
}

/**
 * Builds the export file for the Batch page (or a batch in history) to download. Reads the
 * batch again, so images finished since the page last drew are in it.
 */
export async function exportBatch(
  batch: BatchRecord,
  options: BatchExportOptions,
  extras: ExportExtras = {},
): Promise<BatchExport> {
  const now = extras.now ?? new Date();
  const current = (await getBatch(batch.id)) ?? batch;
  const { extension, type } = TYPES[options.format];
  const fileName = batchFileName(current, extension, now);
  if (options.format === 'dataset') {
    const stream = await batchDatasetStream(current, options, { ...extras, now });
    // Chromium keeps a large blob on disk, not in memory: the zip is never whole in the page's heap.
    const blob = await new Response(stream, { headers: { 'content-type': type } }).blob();
    return { blob, fileName };
  }
  const images = await imageRecords(current, options.format === 'json');
  const markdown = { title: current.pageTitle || current.pageUrl, ...extras.markdown };
  const text = exportBatchPrompts(options.format, images, { now, markdown });
  return { blob: new Blob([text], { type }), fileName };
}

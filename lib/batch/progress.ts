/**
 * Batch progress as pure arithmetic over the images' states: counts, "12 of 40", time left.
 * The page and the worker compute the same figures from the same stored items.
 */
export const BATCH_STATUSES = ['waiting', 'fetching', 'writing', 'done', 'failed'] as const;
export type BatchItemStatus = (typeof BATCH_STATUSES)[number];

export interface ProgressItem {
  status: BatchItemStatus;
  /** When the image left `waiting` (download start). */
  startedAt?: number;
  /** When it reached `done` or `failed`. */
  finishedAt?: number;
}

export interface BatchProgress {
  counts: Record<BatchItemStatus, number>;
  /** Done or failed: the "12" of "12 of 40", the progress bar's value. */
  finished: number;
  /** The "40": the bar's max. */
  total: number;
  /** Still to do: waiting, fetching or writing. */
  remaining: number;
}

export function summarizeProgress(items: readonly ProgressItem[]): BatchProgress {
  const counts = Object.fromEntries(BATCH_STATUSES.map((status) => [status, 0])) as Record<BatchItemStatus, number>;
  for (const item of items) counts[item.status] += 1;
  const finished = counts.done + counts.failed;
  return { counts, finished, total: items.length, remaining: items.length - finished };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface EstimateOptions {
  /** Images processed at once ("Prompts at once"). */
  concurrency: number;
  /** How many of the latest done images count: the provider's pace changes during a batch. */
  window?: number;
  /** The batch is held back until then (a 429's Retry-After): added to the estimate. */
  notBefore?: number;
  now: number;
}

/**
 * Milliseconds left, or undefined until an image is done. The median of recent durations
 * rather than the mean: one image stuck behind a retry must not double the estimate.
 */
export function estimateTimeLeft(items: readonly ProgressItem[], options: EstimateOptions): number | undefined {
  const { remaining } = summarizeProgress(items);
  if (remaining === 0) return 0;
  const durations = items
    .filter((item) => item.status === 'done' && item.startedAt !== undefined && item.finishedAt !== undefined)
    .sort((a, b) => a.finishedAt! - b.finishedAt!)
    .slice(-(options.window ?? 20))
    .map((item) => item.finishedAt! - item.startedAt!);
  const typical = median(durations);
  if (typical === undefined) return undefined;
  const wait = Math.max(0, (options.notBefore ?? 0) - options.now);
  return wait + Math.ceil(remaining / Math.max(1, options.concurrency)) * typical;
}

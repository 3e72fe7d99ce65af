import type { BatchItem, BatchRecord } from '@/lib/batch/batch-record';
import type { ItemContext, ItemResult } from '@/lib/batch/batch-scheduler';
import { isConfigError, isQuotaError, type ErrorCode } from '@/lib/errors';
import { DEFAULT_LIMITS } from '@/lib/image/fit-size';
import type { NormalizedImage } from '@/lib/image/normalize';
import { getJob } from '@/lib/jobs/job-store';
import { newJob, queueJob, requeueJob, retryReset } from '@/lib/jobs/lifecycle';
import type { Job } from '@/lib/jobs/types';
import { classifyError } from '@/lib/providers/classify-error';
import type { AcquireOptions } from '../acquire-image';
import { cancelJob, runJob } from '../job-runner';
import { currentProvider, type ProviderConfig } from '../provider-config';
import { batchImage } from './batch-image';

/** Gets a batch image ready for the provider; batch-image.ts in the worker, a fake in tests. */
export type BatchImageSource = (batch: BatchRecord, item: BatchItem, opts: AcquireOptions) => Promise<NormalizedImage>;

/** Failures no other image would escape until the user acts: the batch pauses and says why. */
const PAUSING: ReadonlySet<ErrorCode> = new Set(['consent-required', 'storage-full', 'on-device-unavailable']);
const pauses = (code: ErrorCode) => PAUSING.has(code) || isConfigError(code);

/** Long data: URLs are not worth keeping in history: the normalized image is stored anyway. */
const storableUrl = (url: string | undefined) => (url && /^https?:/i.test(url) && url.length <= 2048 ? url : undefined);

/** The image's job: the one an earlier run made (one history row per image), or a new one. */
async function jobFor(batch: BatchRecord, item: BatchItem, config: ProviderConfig) {
  const setup = { provider: config.settings.provider, model: config.model };
  const earlier = item.jobId ? await getJob(item.jobId) : undefined;
  if (earlier) {
    const job: Job = { ...earlier, ...retryReset(setup), status: 'queued' };
    return { job, stored: requeueJob(earlier.id, setup) };
  }
  const job = newJob({
    style: batch.style,
    detail: batch.detail,
    language: config.settings.promptLanguage,
    ...setup,
    source: {
      imageUrl: storableUrl(item.candidate.url),
      ...(config.settings.storePageInfo ? { pageUrl: batch.pageUrl, pageTitle: batch.pageTitle } : {}),
    },
  });
  job.batchId = batch.id;
  return { job, stored: queueJob(job) };
}

export function outcomeOf(job: Job | undefined): ItemResult {
  if (job?.status === 'done') return { type: 'done' };
  const error = job?.error ?? { code: 'unknown' as const };
  if (error.code === 'rate-limited')
    return { type: 'rate-limited', retryAfterMs: error.retryAfterSeconds && error.retryAfterSeconds * 1000 };
  if (pauses(error.code)) return { type: 'pause', error };
  return { type: 'failed', error, counts: error.code !== 'cancelled' && error.code !== 'interrupted' };
}

/**
 * One batch image through the ordinary pipeline: its image fetched (the batch's own limits),
 * then a job like a right-click's, in the same line for a provider slot, in history.
 */
export async function runBatchItem(
  batch: BatchRecord,
  item: BatchItem,
  context: ItemContext,
  image: BatchImageSource = batchImage,
): Promise<ItemResult> {
  const config = await currentProvider();
  let ready: NormalizedImage;
  try {
    ready = await image(batch, item, {
      limits: { ...DEFAULT_LIMITS, longEdge: config.preset.maxLongEdge },
      maxDataUrlBytes: config.preset.maxImageBytes,
      signal: context.signal,
    });
  } catch (error) {
    if (isQuotaError(error)) return { type: 'pause', error: { code: 'storage-full' } };
    // A broken or missing image is this image's failure only: it does not count toward the pause.
    return { type: 'failed', error: classifyError(error, config.preset.local), counts: false };
  }
  const { job, stored } = await jobFor(batch, item, config);
  context.writing({ jobId: job.id, entryId: job.imageId });
  const finished = runJob({
    job,
    config,
    stored,
    image: async () => ready,
    onRetry: ({ delayMs, status }) => {
      if (status === 429) context.rateLimited(delayMs);
    },
  });
  const cancel = () => cancelJob(job.id);
  if (context.signal.aborted) cancel();
  else context.signal.addEventListener('abort', cancel, { once: true });
  try {
    return outcomeOf(await finished);
  } finally {
    context.signal.removeEventListener('abort', cancel);
  }
}

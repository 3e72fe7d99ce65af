import { blobToDataUrl } from '@/lib/image/data-url';
import { DEFAULT_LIMITS } from '@/lib/image/fit-size';
import { makeThumbnail } from '@/lib/image/thumbnail';
import type { NormalizedImage } from '@/lib/image/normalize';
import { JobFailure } from '@/lib/errors';
import { addJob, ensureThumbnail, failJob, getImage, getJob, newJob, saveImage, updateJob } from '@/lib/jobs/job-store';
import type { DetailLevel } from '@/lib/prompt/detail';
import type { StyleId } from '@/lib/prompt/styles';
import type { Job } from '@/lib/jobs/types';
import { englishName } from '@/lib/languages';
import { buildMessages } from '@/lib/prompt/build-messages';
import { finalizePrompt } from '@/lib/prompt/finalize';
import { classifyError } from '@/lib/providers/classify-error';
import { createClient } from '@/lib/providers/client';
import { buildChatRequest } from '@/lib/providers/request-params';
import { streamCompletion } from '@/lib/providers/stream-completion';
import { acquireImage, type AcquireOptions } from './acquire-image';
import { assertConsent } from './consent-gate';
import { waitForSlot } from './job-queue';
import { holdAwake } from './keep-alive';
import { assertConfigured, currentProvider, type ProviderConfig } from './provider-config';
import { throttledTextWriter } from './throttled-text-writer';

/** Gets the image for a job's first run: from the page, which only the click handler knows. */
export type ImageSource = (opts: AcquireOptions) => Promise<NormalizedImage>;

export interface JobRun {
  job: Job;
  config: ProviderConfig;
  /** Settles once the job record is in the database; updates must not overtake it. */
  stored: Promise<unknown>;
  image?: ImageSource;
  /** Place in the line for a provider slot; the job's creation time unless said otherwise. */
  order?: number;
}

const running = new Map<string, AbortController>();

export const isRunning = (jobId: string) => running.has(jobId);

export function cancelJob(jobId: string): void {
  running.get(jobId)?.abort(new JobFailure({ code: 'cancelled' }));
}

/** A fresh image from the page on the first run; the stored one (or its URL) on Retry. */
async function imageFor(run: JobRun, opts: AcquireOptions): Promise<NormalizedImage> {
  if (run.image) return run.image(opts);
  const stored = await getImage(run.job.imageId);
  if (stored) return { blob: stored.blob, info: stored.info };
  if (run.job.source.imageUrl) return acquireImage(run.job.source.imageUrl, run.job.source.pageUrl, opts);
  throw new JobFailure({ code: 'no-image' });
}

/**
 * One job from image to prompt. The request goes out as soon as the image is ready; the
 * bookkeeping writes around it are ordered by IndexedDB, not awaited on the way.
 */
export async function runJob(run: JobRun): Promise<Job | undefined> {
  const { job, config } = run;
  if (running.has(job.id)) return getJob(job.id);
  const controller = new AbortController();
  running.set(job.id, controller);
  const release = holdAwake();
  let freeSlot: (() => void) | undefined;
  const writer = throttledTextWriter(job.id);
  const pending: Promise<unknown>[] = [run.stored];
  const write = (patch: Parameters<typeof updateJob>[1]) => {
    const done = run.stored.then(() => updateJob(job.id, patch));
    // Awaited below through `pending`; marked handled now so a failure is not reported twice.
    done.catch(() => undefined);
    pending.push(done);
    return done;
  };
  try {
    const timeoutMs = config.settings.timeoutSeconds * 1000;
    const image = await imageFor(run, {
      limits: { ...DEFAULT_LIMITS, longEdge: config.preset.maxLongEdge },
      maxDataUrlBytes: config.preset.maxImageBytes,
      signal: controller.signal,
    });
    // Kept so Retry needs no second trip to the page.
    if (run.image) pending.push(saveImage({ id: job.imageId, blob: image.blob, info: image.info, createdAt: Date.now() }));
    void write({ image: image.info });

    assertConfigured(config);
    await assertConsent(config);
    const original = { width: image.info.originalWidth, height: image.info.originalHeight };
    const spec = { style: job.style, template: job.template, detail: job.detail, language: englishName(job.language) };
    const body = buildChatRequest(
      config.preset,
      config.model,
      buildMessages(spec, { url: await blobToDataUrl(image.blob), ...original, detailHint: config.preset.imageDetail }),
      { json: !job.template && job.style === 'json' },
    );
    freeSlot = await waitForSlot({
      jobId: job.id,
      order: run.order ?? job.createdAt,
      limit: config.settings.concurrency,
      signal: controller.signal,
      stored: () => Promise.allSettled(pending),
    });
    void write({ status: 'running', ahead: undefined });
    await run.stored;
    // Made while the request is out, not before it.
    pending.push(ensureThumbnail(job.imageId, () => makeThumbnail(image.blob)).catch(() => undefined));
    const result = await streamCompletion({
      client: createClient({ ...config, timeoutMs }),
      body,
      timeoutMs,
      signal: controller.signal,
      onText: (text) => writer.push(text),
      onRetry: ({ attempt, delayMs, status }) => void write({ retry: { attempt, until: Date.now() + delayMs, status } }),
    });
    await writer.settle();
    await Promise.all(pending);
    const final = finalizePrompt(result.text, {
      style: job.template ? undefined : job.style,
      original,
      midjourney: config.settings.midjourney,
      refusal: result.refusal,
    });
    await updateJob(job.id, { status: 'done', text: final.text, kind: final.kind, usage: result.usage, retry: undefined });
  } catch (error) {
    await writer.settle();
    await Promise.allSettled(pending);
    const reason = controller.signal.aborted ? controller.signal.reason : error;
    await failJob(job.id, classifyError(reason, config.preset.local));
  } finally {
    freeSlot?.();
    running.delete(job.id);
    release();
  }
  return getJob(job.id);
}

export interface Regeneration {
  jobId: string;
  style: StyleId;
  templateId?: string;
  detail: DetailLevel;
}

/** The same image, another style or detail: a new job beside the first, from the stored image. */
export async function regenerateJob({ jobId, style, templateId, detail }: Regeneration): Promise<string | undefined> {
  const [source, config] = await Promise.all([getJob(jobId), currentProvider()]);
  if (!source) return undefined;
  const template = templateId ? config.settings.templates.find((t) => t.id === templateId) : undefined;
  const job = newJob({
    imageId: source.imageId,
    source: source.source,
    style,
    template,
    detail,
    language: config.settings.promptLanguage,
    provider: config.settings.provider,
    model: config.model,
  });
  job.image = source.image;
  void runJob({ job, config, stored: addJob(job) });
  return job.id;
}

/**
 * Retry with the settings as they are now (the user may just have fixed them). A Retry joins
 * the end of the line; a job resumed after a worker restart keeps its place (`order`).
 */
export async function retryJob(jobId: string, order = Date.now()): Promise<Job | undefined> {
  if (running.has(jobId)) return undefined;
  const [job, config] = await Promise.all([getJob(jobId), currentProvider()]);
  if (!job) return undefined;
  const reset = { status: 'queued', provider: config.settings.provider, model: config.model, text: '', kind: undefined, error: undefined, retry: undefined, ahead: undefined, usage: undefined } as const;
  return runJob({ job: { ...job, ...reset }, config, stored: updateJob(jobId, reset), order });
}

import { DEFAULT_LIMITS } from '@/lib/image/fit-size';
import { makeThumbnail } from '@/lib/image/thumbnail';
import type { NormalizedImage } from '@/lib/image/normalize';
import { JobFailure } from '@/lib/errors';
import { ensureThumbnail, getImage, getJob, saveImage, updateJob } from '@/lib/jobs/job-store';
import { failJob, finishJob, startJob } from '@/lib/jobs/lifecycle';
import type { Job, JobTiming } from '@/lib/jobs/types';
import { englishName } from '@/lib/languages';
import { finalizePrompt } from '@/lib/prompt/finalize';
import { classifyError } from '@/lib/providers/classify-error';
import { acquireImage, type AcquireOptions } from './acquire-image';
import { assertConsent } from './consent-gate';
import { waitForSlot } from './job-queue';
import { holdAwake } from './keep-alive';
import { assertConfigured, type ProviderConfig } from './provider-config';
import { prepareStream, specFor } from './provider-stream';
import { throttledTextWriter } from './throttled-text-writer';
import { worker } from './worker-state';

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
  /** Told when the provider asked to wait (429, 5xx) before the next attempt: a batch slows down for all its images. */
  onRetry?: (retry: { attempt: number; delayMs: number; status?: number }) => void;
  /**
   * Told as the request is handed to the provider's client (its fetch starts within the same
   * task): the popup waits for it (present-result.ts).
   */
  onSending?: () => void;
  /** Compare models: time to first token and total time are stored on the job. */
  timed?: boolean;
  /**
   * The user just sent this image to this model by name (Compare models' picker says where it
   * goes): the one-time notice, which remembers only the default provider, is not asked again.
   */
  consented?: boolean;
}

export const isRunning = (jobId: string) => worker.running.has(jobId);

export function cancelJob(jobId: string): void {
  worker.running.get(jobId)?.abort(new JobFailure({ code: 'cancelled' }));
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
  const { running } = worker;
  if (running.has(job.id)) return getJob(job.id);
  const controller = new AbortController();
  running.set(job.id, controller);
  const release = holdAwake();
  let freeSlot: (() => void) | undefined;
  const writer = throttledTextWriter(job.id, run.stored);
  const pending: Promise<unknown>[] = [run.stored];
  /** Set once the request is out: a thumbnail for history, made after the answer (or failure). */
  let makeThumbnailOnce: (() => void) | undefined;
  const write = (step: () => Promise<unknown>) => {
    const done = run.stored.then(step);
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
    if (run.image)
      pending.push(saveImage({ id: job.imageId, blob: image.blob, info: image.info, createdAt: Date.now() }));
    void write(() => updateJob(job.id, { image: image.info }));

    assertConfigured(config);
    if (!run.consented) await assertConsent(config);
    const original = { width: image.info.originalWidth, height: image.info.originalHeight };
    const input = {
      spec: { style: job.style, template: job.template, detail: job.detail },
      language: job.language,
      image: image.blob,
      original,
    };
    const send = await prepareStream(config, specFor(config, input, englishName), input);
    freeSlot = await waitForSlot({
      jobId: job.id,
      order: run.order ?? job.createdAt,
      limit: config.settings.concurrency,
      signal: controller.signal,
      stored: () => Promise.allSettled(pending),
    });
    void write(() => startJob(job.id));
    const timing: JobTiming | undefined = run.timed ? { sentAt: Date.now() } : undefined;
    if (timing) void write(() => updateJob(job.id, { timing }));
    // The request waits for no bookkeeping: the job's record and text writes are ordered after
    // it by `write` and the writer; the thumbnail is made once the answer is in (it would compete
    // with the first words on screen, measured in the user-wait bench).
    makeThumbnailOnce = () => {
      makeThumbnailOnce = undefined;
      pending.push(ensureThumbnail(job.imageId, () => makeThumbnail(image.blob)).catch(() => undefined));
    };
    const sending = send({
      timeoutMs,
      signal: controller.signal,
      onText: (text) => {
        if (timing && timing.firstTokenAt === undefined && text) {
          timing.firstTokenAt = Date.now();
          const first = { ...timing };
          void write(() => updateJob(job.id, { timing: first }));
        }
        writer.push(text);
      },
      onRetry: ({ attempt, delayMs, status }) => {
        run.onRetry?.({ attempt, delayMs, status });
        void write(() => updateJob(job.id, { retry: { attempt, until: Date.now() + delayMs, status } }));
      },
    });
    // The client's fetch is called after its own promise steps: tell once those have run.
    if (run.onSending) setTimeout(run.onSending, 0);
    const result = await sending;
    await writer.settle();
    makeThumbnailOnce();
    await Promise.all(pending);
    const final = finalizePrompt(result.text, {
      style: job.template ? undefined : job.style,
      detail: job.detail,
      original,
      midjourney: config.settings.midjourney,
      refusal: result.refusal,
    });
    if (timing) await updateJob(job.id, { timing: { ...timing, doneAt: Date.now() } });
    await finishJob(job.id, { text: final.text, kind: final.kind, usage: result.usage });
  } catch (error) {
    await writer.settle();
    makeThumbnailOnce?.();
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

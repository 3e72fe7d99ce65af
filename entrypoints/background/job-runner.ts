import { blobToDataUrl } from '@/lib/image/data-url';
import { DEFAULT_LIMITS } from '@/lib/image/fit-size';
import type { NormalizedImage } from '@/lib/image/normalize';
import { JobFailure } from '@/lib/jobs/job-error';
import { failJob, getImage, getJob, saveImage, updateJob } from '@/lib/jobs/job-store';
import type { Job } from '@/lib/jobs/types';
import { buildMessages } from '@/lib/prompt/build-messages';
import { classifyError } from '@/lib/providers/classify-error';
import { createClient } from '@/lib/providers/client';
import { buildChatRequest } from '@/lib/providers/request-params';
import { streamCompletion } from '@/lib/providers/stream-completion';
import { acquireImage, type AcquireOptions } from './acquire-image';
import { holdAwake } from './keep-alive';
import { assertConfigured, currentProvider } from './provider-config';

/** How often streamed text is written to the database (the popup follows it live). */
const WRITE_EVERY_MS = 80;

/** Gets the image for a job's first run: from the page, which only the click handler knows. */
export type ImageSource = (opts: AcquireOptions) => Promise<NormalizedImage>;

const running = new Map<string, AbortController>();

export const isRunning = (jobId: string) => running.has(jobId);

export function cancelJob(jobId: string): void {
  running.get(jobId)?.abort(new JobFailure({ code: 'cancelled' }));
}

function throttledTextWriter(jobId: string) {
  let latest = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: Promise<void> = Promise.resolve();
  const flush = () => {
    timer = undefined;
    last = updateJob(jobId, { text: latest });
  };
  return {
    push(text: string) {
      latest = text;
      timer ??= setTimeout(flush, WRITE_EVERY_MS);
    },
    /** Writes what is still pending, so partial text survives a failure. */
    async settle() {
      if (timer !== undefined) {
        clearTimeout(timer);
        flush();
      }
      await last.catch(() => undefined);
    },
  };
}

/** The stored image of a job, or a fresh one (from the page, or from the image's URL on Retry). */
async function imageFor(job: Job, source: ImageSource | undefined, opts: AcquireOptions): Promise<NormalizedImage> {
  const stored = await getImage(job.imageId);
  if (stored) return { blob: stored.blob, info: stored.info };
  if (source) return source(opts);
  if (job.source.imageUrl) return acquireImage(job.source.imageUrl, opts);
  throw new JobFailure({ code: 'no-image' });
}

export async function runJob(jobId: string, source?: ImageSource): Promise<Job | undefined> {
  if (running.has(jobId)) return getJob(jobId);
  const controller = new AbortController();
  running.set(jobId, controller);
  const release = holdAwake();
  const writer = throttledTextWriter(jobId);
  let local = false;
  try {
    const job = await getJob(jobId);
    if (!job) return undefined;
    const config = await currentProvider();
    local = config.preset.local;
    await updateJob(jobId, {
      status: 'queued',
      provider: config.settings.provider,
      model: config.model,
      text: '',
      error: undefined,
    });
    const image = await imageFor(job, source, {
      limits: { ...DEFAULT_LIMITS, longEdge: config.preset.maxLongEdge },
      maxDataUrlBytes: config.preset.maxImageBytes,
      signal: controller.signal,
    });
    // Kept so Retry needs no second trip to the page; not awaited before the request goes out.
    const saving = Promise.all([
      saveImage({ id: job.imageId, blob: image.blob, info: image.info, createdAt: Date.now() }),
      updateJob(jobId, { image: image.info }),
    ]);
    saving.catch(() => undefined);

    assertConfigured(config);
    const body = buildChatRequest(
      config.preset,
      config.model,
      buildMessages({ style: job.style, imageUrl: await blobToDataUrl(image.blob), imageDetail: config.preset.imageDetail }),
    );
    await updateJob(jobId, { status: 'running' });
    const result = await streamCompletion({
      client: createClient({
        preset: config.preset,
        baseUrl: config.baseUrl,
        apiKey: config.apiKey,
        timeoutMs: config.settings.timeoutSeconds * 1000,
      }),
      body,
      timeoutMs: config.settings.timeoutSeconds * 1000,
      signal: controller.signal,
      onText: (text) => writer.push(text),
      onRetry: ({ attempt, delayMs, status }) =>
        void updateJob(jobId, { retry: { attempt, until: Date.now() + delayMs, status } }),
    });
    await writer.settle();
    await saving;
    if (!result.text.trim()) throw new JobFailure({ code: 'empty-answer' });
    await updateJob(jobId, { status: 'done', text: result.text, usage: result.usage, retry: undefined });
  } catch (error) {
    await writer.settle();
    const reason = controller.signal.aborted ? controller.signal.reason : error;
    await failJob(jobId, classifyError(reason, local));
  } finally {
    running.delete(jobId);
    release();
  }
  return getJob(jobId);
}

import { browser } from 'wxt/browser';
import { blankImageKind } from '@/lib/generation/blank-image';
import type { GenerationError } from '@/lib/generation/generation-error';
import { startRecreation } from '@/lib/generation/recreate';
import type { GeneratedImage } from '@/lib/generation/types';
import { makeThumbnail } from '@/lib/image/thumbnail';
import { getJob } from '@/lib/jobs/job-store';
import { apiKeysItem, imageApiKeysItem, imageConfig, loadSettings } from '@/lib/settings';
import { holdAwake } from './keep-alive';
import { worker } from './worker-state';

/** Cancel buttons reach a running generation through this; a stopped worker has none left to cancel. */
const running = worker.recreations;

/** A safety checker's answer is a black picture, not an error (flat colours are left alone). */
async function blankCheck(image: GeneratedImage): Promise<GenerationError | undefined> {
  try {
    const bitmap = await createImageBitmap(image.bytes, { resizeWidth: 32, resizeHeight: 32 });
    const canvas = new OffscreenCanvas(32, 32);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    return blankImageKind(ctx.getImageData(0, 0, 32, 32).data) === 'black' ? { code: 'blank-image' } : undefined;
  } catch {
    return { code: 'not-an-image' };
  }
}

export const compareUrl = (entryId: string) =>
  browser.runtime.getURL(`/compare.html?entry=${encodeURIComponent(entryId)}`);

/** One Compare tab per history entry: focus the one already open, else open it. */
export async function openCompare(entryId: string): Promise<void> {
  const url = compareUrl(entryId);
  // A match pattern cannot name every browser's extension scheme: fall back to reading the tabs.
  const [match] = await browser.tabs.query({ url }).catch(() => []);
  const tab = match ?? (await browser.tabs.query({})).find((t) => t.url === url);
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined)
      await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  await browser.tabs.create({ url });
}

/** Recreate: the job's prompt (its text only) to the image provider; the Compare page shows the rest. */
export async function recreateJob(jobId: string): Promise<string | undefined> {
  const started = await startRecreate(jobId);
  if (!started) return undefined;
  const job = await getJob(jobId);
  if (job) await openCompare(job.imageId);
  return started.id;
}

/** The recreation's record at once; `done` settles when it has ended (its record says how). */
export async function startRecreate(jobId: string): Promise<{ id: string; done: Promise<void> } | undefined> {
  const job = await getJob(jobId);
  if (job?.status !== 'done' || job.kind === 'refusal' || !job.text.trim()) return undefined;
  const [settings, visionKeys, imageKeys] = await Promise.all([
    loadSettings(),
    apiKeysItem.getValue(),
    imageApiKeysItem.getValue(),
  ]);
  const controller = new AbortController();
  const original = job.image ? { width: job.image.originalWidth, height: job.image.originalHeight } : undefined;
  const { id, done } = await startRecreation(
    { entryId: job.imageId, jobId, text: job.text, ...(original ? { original } : {}) },
    {
      config: imageConfig(settings, visionKeys, imageKeys),
      imageSize: settings.imageSize,
      timeoutSeconds: settings.imageTimeoutSeconds,
      signal: controller.signal,
      thumbnail: (blob) => makeThumbnail(blob),
      blankCheck,
    },
  );
  running.set(id, controller);
  const release = holdAwake();
  const ended = done.finally(() => {
    running.delete(id);
    release();
  });
  return { id, done: ended };
}

export function cancelGeneration(id: string): void {
  running.get(id)?.abort();
}

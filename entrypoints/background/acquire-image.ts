import type { Browser } from 'wxt/browser';
import { fetchImage } from '@/lib/image/fetch-image';
import type { FitLimits } from '@/lib/image/fit-size';
import { normalizeImage, type NormalizedImage } from '@/lib/image/normalize';
import { JobFailure } from '@/lib/jobs/job-error';
import { sendMessage, type ImageTarget } from '@/lib/messaging';

const ASK_PAGE_TIMEOUT_MS = 1500;
const FETCH_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms)),
  ]);
}

/** Which image the user right-clicked: the content script knows best; the menu info is the fallback. */
export async function resolveTarget(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<ImageTarget> {
  let pageAnswered = false;
  if (tab?.id !== undefined && tab.id >= 0) {
    try {
      const target = await withTimeout(
        sendMessage('getImageTarget', undefined, { tabId: tab.id, frameId: info.frameId ?? 0 }),
        ASK_PAGE_TIMEOUT_MS,
      );
      pageAnswered = true;
      if (target?.url) return target;
    } catch {
      // No content script in that frame (page opened before install, or a restricted page).
    }
  }
  if (info.srcUrl) return { url: info.srcUrl };
  throw new JobFailure({ code: pageAnswered ? 'no-image' : 'page-not-ready' });
}

export interface AcquireOptions {
  limits: FitLimits;
  maxDataUrlBytes: number;
  signal: AbortSignal;
}

/** The image's bytes → the downscaled, metadata-free image we send. */
export async function acquireImage(url: string, opts: AcquireOptions): Promise<NormalizedImage> {
  const signal = AbortSignal.any([opts.signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]);
  const { blob, format } = await fetchImage(url, signal);
  return normalizeImage(blob, format, opts.limits, opts.maxDataUrlBytes);
}

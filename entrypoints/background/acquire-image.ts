import type { Browser } from 'wxt/browser';
import { fetchImage, type FetchedImage } from '@/lib/image/fetch-image';
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

const fetchSignal = (signal: AbortSignal) => AbortSignal.any([signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]);

/** The image's bytes → the downscaled, metadata-free image we send. */
export async function acquireImage(url: string, opts: AcquireOptions): Promise<NormalizedImage> {
  const { blob, format } = await fetchImage(url, fetchSignal(opts.signal));
  return normalizeImage(blob, format, opts.limits, opts.maxDataUrlBytes);
}

/**
 * The bytes of the image the user right-clicked, fetched from the moment of the click. The
 * menu's srcUrl starts downloading at once, while the content script says what was really
 * under the pointer; if that is another image (an overlay, a lazy placeholder), the guess is
 * dropped.
 */
export async function fetchClickedImage(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  signal: AbortSignal,
): Promise<{ url: string } & FetchedImage> {
  const guess = new AbortController();
  const early = info.srcUrl ? fetchImage(info.srcUrl, fetchSignal(AbortSignal.any([signal, guess.signal]))) : undefined;
  early?.catch(() => undefined);
  let target: ImageTarget;
  try {
    target = await resolveTarget(info, tab);
  } catch (error) {
    guess.abort();
    throw error;
  }
  if (early && target.url === info.srcUrl) return { url: target.url, ...(await early) };
  guess.abort();
  return { url: target.url, ...(await fetchImage(target.url, fetchSignal(signal))) };
}

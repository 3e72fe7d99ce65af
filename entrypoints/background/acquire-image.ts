import type { Browser } from 'wxt/browser';
import { fetchImage, type FetchedImage } from '@/lib/image/fetch-image';
import type { FitLimits } from '@/lib/image/fit-size';
import type { NormalizedImage } from '@/lib/image/normalize';
import { normalizeForRequest } from './offscreen-normalize';
import { JobFailure } from '@/lib/errors';
import { sendMessage, type ImageTarget } from '@/lib/messaging';
import { captureElement } from './capture-element';
import { withPageReferer } from './referer-fetch';

const ASK_PAGE_TIMEOUT_MS = 1500;
const FETCH_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
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
        sendMessage('getImageTarget', { srcUrl: info.srcUrl }, { tabId: tab.id, frameId: info.frameId ?? 0 }),
        ASK_PAGE_TIMEOUT_MS,
      );
      pageAnswered = true;
      if (target && (target.url || target.dataUrl || target.rect)) return target;
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

export interface ClickedImage extends FetchedImage {
  /** The image's own address, when it has one worth keeping. */
  url?: string;
  /** Taken from the screen because the file itself could not be had. */
  captured?: boolean;
  /** The page's alt text for it. */
  alt?: string;
  /** Already normalized when the menu opened (prepared-images.ts): nothing left to decode. */
  normalized?: NormalizedImage;
}

/** The image prepared for an address when the menu opened, or on its way. */
export type PreparedLookup = (url: string) => Promise<NormalizedImage> | undefined;

async function fromPrepared(ready: Promise<NormalizedImage>, target: ImageTarget): Promise<ClickedImage | undefined> {
  try {
    const normalized = await ready;
    const format = normalized.blob.type === 'image/png' ? 'png' : 'jpeg';
    return { blob: normalized.blob, format, normalized, url: target.url, alt: target.alt };
  } catch {
    return undefined; // The preparation failed: download it the ordinary way, with its fallbacks.
  }
}

/** Download with the page's Referer when the site refuses a bare request (hotlink protection). */
export async function fetchAsPage(
  url: string,
  pageUrl: string | undefined,
  signal: AbortSignal,
  maxBytes?: number,
): Promise<FetchedImage> {
  try {
    return await fetchImage(url, fetchSignal(signal), maxBytes);
  } catch (error) {
    const status = error instanceof JobFailure ? error.info.status : undefined;
    if (!pageUrl || (status !== 401 && status !== 403)) throw error;
    return withPageReferer(url, pageUrl, () => fetchImage(url, fetchSignal(signal), maxBytes));
  }
}

/** The image's bytes (with the page's Referer if the site insists) → the downscaled, metadata-free image we send. */
export async function acquireImage(
  url: string,
  pageUrl: string | undefined,
  opts: AcquireOptions,
): Promise<NormalizedImage> {
  return normalizeForRequest(await fetchAsPage(url, pageUrl, opts.signal), opts.limits, opts.maxDataUrlBytes);
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
  known?: ImageTarget,
  prepared: PreparedLookup = () => undefined,
): Promise<ClickedImage> {
  const guess = new AbortController();
  // A prepared image of the address the menu names: no second download meanwhile.
  const ready = info.srcUrl ? prepared(info.srcUrl) : undefined;
  const early =
    info.srcUrl && !ready ? fetchImage(info.srcUrl, fetchSignal(AbortSignal.any([signal, guess.signal]))) : undefined;
  early?.catch(() => undefined);
  try {
    const target = known ?? (await resolveTarget(info, tab));
    // Prepared at the right-click (the menu's address, or the one the page names): nothing to fetch.
    const readyForTarget =
      target.url && !target.dataUrl ? (target.url === info.srcUrl ? ready : prepared(target.url)) : undefined;
    const made = readyForTarget && (await fromPrepared(readyForTarget, target));
    if (made) return made;
    const reuse = target.url === info.srcUrl ? early : undefined;
    if (!reuse) guess.abort();
    return await fetchTargetImage(target, { tab, frameId: info.frameId ?? 0, signal, early: reuse });
  } finally {
    guess.abort();
  }
}

/**
 * The bytes of an image the content script found (on a right-click, or under the pointer for
 * the keyboard shortcut). SVG is drawn by the page (a service worker cannot decode it); as a
 * last resort the element is captured from the screen.
 */
export async function fetchTargetImage(
  target: ImageTarget,
  {
    tab,
    frameId,
    signal,
    early,
  }: { tab: Browser.tabs.Tab | undefined; frameId: number; signal: AbortSignal; early?: Promise<FetchedImage> },
): Promise<ClickedImage> {
  const frame = tab?.id !== undefined ? { tabId: tab.id, frameId } : undefined;
  let fetched: FetchedImage;
  try {
    if (target.dataUrl) fetched = await fetchImage(target.dataUrl, fetchSignal(signal));
    else if (target.url && early !== undefined)
      fetched = await early.catch(() => fetchAsPage(target.url!, tab?.url, signal));
    else if (target.url) fetched = await fetchAsPage(target.url, tab?.url, signal);
    else throw new JobFailure({ code: 'image-fetch', detail: 'unreadable pixels' });
  } catch (error) {
    // The page shows it, so the screen has it (a frame's box comes already placed in the tab).
    if (!tab || !target.rect || signal.aborted) throw error;
    return {
      ...(await captureElement(tab, target.rect, target.dpr ?? 1)),
      url: target.url,
      alt: target.alt,
      captured: true,
    };
  }
  if (fetched.format === 'svg' && frame) {
    const png = await sendMessage('rasterizeSvg', await fetched.blob.text(), frame);
    fetched = await fetchImage(png, fetchSignal(signal));
  }
  return { ...fetched, url: target.url, alt: target.alt };
}

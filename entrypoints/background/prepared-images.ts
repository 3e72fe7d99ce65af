import { DEFAULT_LIMITS } from '@/lib/image/fit-size';
import type { NormalizedImage } from '@/lib/image/normalize';
import { JobFailure } from '@/lib/errors';
import { fetchAsPage, type PreparedLookup } from './acquire-image';
import { normalizeForRequest, warmOffscreenDecoder } from './offscreen-normalize';
import { currentProvider } from './provider-config';
import { worker } from './worker-state';

/**
 * The largest file fetched before the user chose anything: a user on a metered connection would
 * not want a bigger one downloaded for a menu they may close (a click on it downloads it then).
 */
export const PREPARE_MAX_BYTES = 8 * 1024 * 1024;

/**
 * A trusted right-click on an image (the content script's report): download and normalize it
 * now, so that choosing a style only has to send it. Nothing goes to any provider here, and
 * nothing is stored: the result waits in worker memory (worker.prepared) for its click.
 */
export async function prepareImage(url: string, pageUrl: string | undefined): Promise<void> {
  const config = await currentProvider();
  if (!config.settings.prepareOnMenu) return;
  const { prepared } = worker;
  prepared.abortPendingExcept(url);
  warmOffscreenDecoder();
  prepared.prepare(url, async (signal) => {
    const fetched = await fetchAsPage(url, pageUrl, signal, PREPARE_MAX_BYTES);
    // SVG is drawn by the page, at the click (acquire-image.ts).
    if (fetched.format === 'svg') throw new JobFailure({ code: 'image-decode', detail: 'svg' });
    // The limits of the provider set now; a settings change empties the cache (index.ts).
    return normalizeForRequest(
      fetched,
      { ...DEFAULT_LIMITS, longEdge: config.preset.maxLongEdge },
      config.preset.maxImageBytes,
    );
  });
}

/** For the click: the image prepared for an address, or its preparation half-way. */
export const preparedImage: PreparedLookup = (url): Promise<NormalizedImage> | undefined => worker.prepared.get(url);

/**
 * Chrome: an upright JPEG is decoded at reduced size in the offscreen document, where WebCodecs'
 * ImageDecoder exists (lib/image/decode.ts). Making the document takes 80–300 ms, longer than the
 * worker's own full-size decode of a 12 MP photo, and competes with it on the same cores: it is
 * started only at the right-click (while the menu is open), never at the click, and used only if it
 * is ready by the time the bytes are; never waited for. Downloads from the
 * web usually take longer than that, a batch keeps it busy, and it is closed when idle. Anything
 * that goes wrong on the way falls back to the worker's full-size decode.
 */
import { browser } from 'wxt/browser';
import { JobFailure } from '@/lib/errors';
import { readDimensions, readHead } from '@/lib/image/dimensions';
import type { FetchedImage } from '@/lib/image/fetch-image';
import { scaledDecodeSize } from '@/lib/image/decode';
import type { FitLimits } from '@/lib/image/fit-size';
import { normalizeImage, type NormalizedImage } from '@/lib/image/normalize';
import {
  OFFSCREEN_PATH,
  type OffscreenNormalizeReply,
  type OffscreenNormalizeRequest,
} from '@/lib/image/offscreen-protocol';
import { worker } from './worker-state';

/**
 * Idle time before the document is closed: under the 30 s after which Chrome stops an idle
 * worker, so the timer fires before the worker (and its timer) goes, and no document is left.
 */
const IDLE_CLOSE_MS = 25_000;
/** Far beyond a reduced decode of the largest JPEG we take (100 MP), even on a loaded machine. */
const REPLY_TIMEOUT_MS = 20_000;

/** The Clients API of a service worker (the worker's own TypeScript lib is the DOM one). */
interface WindowClient {
  url: string;
  postMessage(message: unknown, transfer: Transferable[]): void;
}
const clients = (
  globalThis as unknown as {
    clients?: { matchAll(options: { includeUncontrolled: boolean; type: 'window' }): Promise<WindowClient[]> };
  }
).clients;

const state = worker.offscreen;

/** Chrome only: Firefox's background is a page, which decodes at reduced size itself. */
const offscreen = () => (clients ? browser.offscreen : undefined);

async function documentClient(): Promise<WindowClient | undefined> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const open = (await clients?.matchAll({ includeUncontrolled: true, type: 'window' })) ?? [];
  return open.find((client) => client.url === url);
}

/** The offscreen document's client, made if needed; concurrent callers share one creation. */
async function ensureDocument(): Promise<WindowClient | undefined> {
  const api = offscreen();
  if (!api) return undefined;
  const found = await documentClient();
  if (found) return found;
  state.creating ??= api
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: [browser.offscreen.Reason.BLOBS],
      justification: 'Decode images at reduced size with WebCodecs, which service workers lack',
    })
    .catch((error: unknown) => {
      // Made meanwhile by another path (a restarted worker that lost `creating`): use it.
      if (!String(error).includes('single offscreen')) throw error;
    })
    .finally(() => {
      state.creating = undefined;
    });
  await state.creating;
  return documentClient();
}

/** A look started this long ago still answers for the decode that follows its download. */
const LOOKUP_FRESH_MS = 5_000;

/**
 * Starts looking for the document now, while the image downloads: the look goes through the
 * browser, which is busy at a click (5–60 ms measured), and the decode waits for its answer.
 */
export function lookUpDecoder(): void {
  if (!offscreen()) return;
  const client = documentClient().catch(() => undefined);
  state.lookup = { at: Date.now(), client };
}

/** The document's client from a recent look, or from a new one. */
function decoderClient(): Promise<WindowClient | undefined> {
  const { lookup } = state;
  state.lookup = undefined;
  if (lookup && Date.now() - lookup.at < LOOKUP_FRESH_MS) return lookup.client as Promise<WindowClient | undefined>;
  return documentClient();
}

function closeWhenIdle(): void {
  clearTimeout(state.idleTimer);
  state.idleTimer = setTimeout(() => {
    if (state.inFlight > 0) return;
    state.lookup = undefined;
    void offscreen()
      ?.closeDocument()
      .catch(() => undefined);
  }, IDLE_CLOSE_MS);
}

/** Makes the document ready ahead of a click (the menu is open): its start is then off the path. */
export function warmOffscreenDecoder(): void {
  if (!offscreen()) return;
  void ensureDocument()
    .then(closeWhenIdle)
    .catch(() => undefined);
}

async function viaDocument(
  client: WindowClient,
  request: OffscreenNormalizeRequest,
): Promise<NormalizedImage | undefined> {
  const channel = new MessageChannel();
  const reply = new Promise<OffscreenNormalizeReply>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<OffscreenNormalizeReply>) => resolve(event.data);
  });
  client.postMessage(request, [channel.port2]);
  // A document that crashed or was closed under us never answers: the worker decodes instead.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<OffscreenNormalizeReply>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, broken: 'no answer' }), REPLY_TIMEOUT_MS);
  });
  const answer = await Promise.race([reply, silence]);
  clearTimeout(timer);
  channel.port1.close();
  if (answer.ok) return answer.image;
  if ('failure' in answer) throw new JobFailure(answer.failure);
  return undefined;
}

/**
 * The image to send: decoded at reduced size in the offscreen document when it can be, in the
 * worker otherwise. A decode error from the document is the image's own (a broken file), so it
 * is not retried at full size; only a broken path falls back.
 */
export async function normalizeForRequest(
  { blob, format, head: known }: FetchedImage,
  limits: FitLimits,
  maxDataUrlBytes: number,
): Promise<NormalizedImage> {
  const head = known ?? (format === 'jpeg' ? await readHead(blob) : undefined);
  if (offscreen() && format === 'jpeg' && head) {
    const client = scaledDecodeSize(format, readDimensions(head), head, limits) && (await decoderClient());
    if (client) {
      state.inFlight++;
      try {
        const request = { type: 'promptlens:normalize', blob, head, format, limits, maxDataUrlBytes } as const;
        const image = await viaDocument(client, request).catch((error: unknown) => {
          if (error instanceof JobFailure) throw error;
          return undefined;
        });
        if (image) return image;
      } finally {
        state.inFlight--;
        closeWhenIdle();
      }
    }
  }
  return normalizeImage(blob, format, limits, maxDataUrlBytes, { head });
}

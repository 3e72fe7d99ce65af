/**
 * Chrome's service worker has no WebCodecs ImageDecoder, its offscreen document does: the
 * worker hands a JPEG over through the Clients API (a Blob travels by reference there, where
 * runtime messaging would copy it as JSON), and gets the image to send back on a MessagePort,
 * which the document hands on to its decode worker (entrypoints/offscreen/decode-worker.ts).
 */
import type { JobError } from '../errors';
import type { FitLimits } from './fit-size';
import type { NormalizedImage } from './normalize';
import type { ImageFormat } from './sniff';

export const OFFSCREEN_PATH = '/offscreen.html';

export interface OffscreenNormalizeRequest {
  type: 'promptlens:normalize';
  blob: Blob;
  /** The file's first bytes, as the worker read them from the download. */
  head?: Uint8Array;
  format: ImageFormat;
  limits: FitLimits;
  maxDataUrlBytes: number;
}

/** A JobFailure keeps its meaning across; anything else says only that the offscreen path broke. */
export type OffscreenNormalizeReply =
  | { ok: true; image: NormalizedImage }
  | { ok: false; failure: JobError }
  | { ok: false; broken: string };

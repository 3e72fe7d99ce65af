/**
 * Chrome's service worker has no WebCodecs ImageDecoder, its offscreen document does: the
 * worker hands a JPEG over through the Clients API (a Blob travels by reference there, where
 * runtime messaging would copy it as JSON), and gets the image to send back on a MessagePort.
 */
import type { JobError } from '../errors';
import type { FitLimits } from './fit-size';
import type { NormalizedImage } from './normalize';
import type { ImageFormat } from './sniff';

export const OFFSCREEN_PATH = '/offscreen.html';

export interface OffscreenNormalizeRequest {
  type: 'promptlens:normalize';
  blob: Blob;
  format: ImageFormat;
  limits: FitLimits;
  maxDataUrlBytes: number;
}

/** A JobFailure keeps its meaning across; anything else says only that the offscreen path broke. */
export type OffscreenNormalizeReply =
  | { ok: true; image: NormalizedImage }
  | { ok: false; failure: JobError }
  | { ok: false; broken: string };

import type { i18n as I18n } from 'i18next';
import type { BatchScheduler } from '@/lib/batch/batch-scheduler';
import { createDownloadPool } from '@/lib/batch/download-pool';
import { PreparedCache } from '@/lib/image/prepared-cache';
import type { NormalizedImage } from '@/lib/image/normalize';
import { SlotQueue } from '@/lib/jobs/slot-queue';
import { CONCURRENCY_RANGE, type ResultsHost } from '@/lib/settings';

/**
 * Everything the background keeps in variables, in one place. The browser stops an idle MV3
 * worker whenever it likes, and all of this goes with it: each entry says why that loses
 * nothing the user would miss. What must survive lives in IndexedDB (jobs, their images:
 * lib/jobs/lifecycle.ts recovers them at the next start) or in extension storage (settings,
 * consent, whether an image is under the pointer).
 */
export const worker = {
  /**
   * Jobs this worker is running, with the switch that cancels each. Lost with the worker: their
   * records say queued or running, and recovery puts them back in line or fails them with Retry.
   */
  running: new Map<string, AbortController>(),
  /** The line for provider slots. Lost: recovery rebuilds it from the queued job records, in click order. */
  slots: new SlotQueue(CONCURRENCY_RANGE.default),
  /**
   * Jobs holding the worker awake, and the timer that does it. Only set while a job runs, and then the worker is not
   * idle.
   */
  awake: { holders: 0, timer: undefined as ReturnType<typeof setInterval> | undefined },
  /** Menu jobs not finished yet (a burst of clicks opens the popup once). Lost: the next click opens it again. */
  unfinishedMenuJobs: 0,
  /**
   * Whether the content script last reported an image under the pointer (the menu entry's contexts follow it), as
   * stored in session storage: a cache of it.
   */
  pointerOverImage: undefined as boolean | undefined,
  /**
   * "Show results in", cached so a click can open the side panel synchronously (the browser
   * wants it inside the user's action). Lost: read again from storage at the next start.
   */
  resultsIn: undefined as ResultsHost | undefined,
  /**
   * Menu rebuilds and updates, one after another so two never collide on an id. Lost: nothing pending survives a stop
   * anyway.
   */
  menuChanges: Promise.resolve(),
  /** Refused writes being recorded to storage one after another. */
  storageFullReports: Promise.resolve(),
  /**
   * Images normalized when the menu opened, waiting for their click (prepared-images.ts): 3 at
   * most, for 30 s. A cache: lost with the worker, the click simply downloads the image itself.
   */
  prepared: new PreparedCache<NormalizedImage>({ ttlMs: 30_000, maxCount: 3 }),
  /**
   * Batches this worker runs or was asked about, by id. Lost: their records are in db.batches,
   * and the next start resumes the running ones (batch/batch-service.ts).
   */
  batches: new Map<string, BatchScheduler>(),
  /**
   * Batch images downloading (6 at once) and decoding (2 full-size bitmaps at once). Lost with their images, which go
   * back in line.
   */
  batchDownloads: createDownloadPool(),
  batchDecodes: createDownloadPool(2),
  /**
   * Recreations (image generations) running, with the switch each Cancel button aborts. Lost: a stopped worker runs
   * none, so none is left to cancel.
   */
  recreations: new Map<string, AbortController>(),
  /**
   * "How close?" / "Refine" runs, one at a time per recreation, with their Cancel. Lost: their work stopped with the
   * worker.
   */
  scoringRuns: new Map<string, AbortController>(),
  /**
   * Chrome's offscreen decoder document: its creation under way (concurrent callers share it), the
   * timer that closes it when idle, and the decodes it is doing. Lost: the document outlives the
   * worker, and the next one finds it by its address (offscreen-normalize.ts); at worst it stays
   * open until the next decode's idle timer closes it.
   */
  offscreen: {
    creating: undefined as Promise<void> | undefined,
    idleTimer: undefined as ReturnType<typeof setTimeout> | undefined,
    inFlight: 0,
    /** A look for the document started while the image downloads (lookUpDecoder), and when. */
    lookup: undefined as { at: number; client: Promise<unknown> } | undefined,
  },
  /** The translator for menu titles and notifications: made again on demand. */
  i18n: undefined as Promise<I18n> | undefined,
};

/**
 * One batch at work: which image starts when, and what each outcome does to the record.
 *
 *   waiting ──start──▶ fetching ──image ready, job queued──▶ writing ──▶ done
 *      ▲                  │                                    │
 *      └── 429, pause, ◀──┴──────────── failed ◀───────────────┘
 *          disk full
 *
 * At most `window` images are in flight (downloading, or waiting for and at the provider): the
 * provider's own limit ("Prompts at once") and the download limit sit further down, and the
 * window keeps a 500-image batch from holding 500 images in memory. The record in memory is
 * the truth while this worker runs; every change is written (coalesced) for the pages and for
 * the next worker. No browser API here: the worker passes in how an image is run.
 */
import { isQuotaError, JobFailure, type JobError } from '../errors';
import type { BatchItem, BatchRecord } from './batch-record';
import { failPageOnlyItems, retryItems, toFailed, toWaiting } from './batch-items';
import { afterOutcome, INITIAL_FLOW, nextStartAt, resumeFlow, shouldPause, type FlowState } from './flow-control';

export type ItemResult =
  | { type: 'done' }
  /** `counts`: a provider failure, counted toward the pause; a broken image is not. */
  | { type: 'failed'; error: JobError; counts: boolean }
  /** The provider said to wait: the image goes back in line, the batch slows down. */
  | { type: 'rate-limited'; retryAfterMs?: number }
  /** Nothing will work until the user acts (key, consent, full disk): back in line, batch paused. */
  | { type: 'pause'; error: JobError };

export interface ItemContext {
  signal: AbortSignal;
  /** The image is ready and its job queued: the card streams the job's text. */
  writing(ids: { jobId: string; entryId: string }): void;
  /** The provider asked to wait before another attempt: every image waits. */
  rateLimited(retryAfterMs?: number): void;
}

export interface SchedulerDeps {
  runItem(batch: BatchRecord, item: BatchItem, context: ItemContext): Promise<ItemResult>;
  save(batch: BatchRecord): Promise<void>;
  /** Images in flight at once. */
  window: number;
  now?: () => number;
  /** Keeps the worker alive while the batch runs (waits for a Retry-After included). */
  holdAwake?: () => () => void;
}

const asJobError = (error: unknown): JobError =>
  error instanceof JobFailure
    ? error.info
    : { code: 'unknown', detail: error instanceof Error ? error.message : String(error) };

export class BatchScheduler {
  private flow: FlowState;
  private readonly inFlight = new Map<string, AbortController>();
  private lastStartAt: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private release: (() => void) | undefined;
  private saving: Promise<void> | undefined;
  private dirty = false;
  private discarded = false;
  private readonly now: () => number;

  constructor(
    readonly batch: BatchRecord,
    private readonly deps: SchedulerDeps,
  ) {
    this.now = deps.now ?? Date.now;
    this.flow = { ...INITIAL_FLOW, notBefore: batch.notBefore ?? 0 };
  }

  /** Images downloading or at the provider now. */
  get active(): number {
    return this.inFlight.size;
  }

  /** Starts (or goes on with) a running batch. */
  start(): void {
    if (this.batch.state !== 'running') return;
    this.release ??= this.deps.holdAwake?.();
    this.pump();
  }

  /** By the user (no reason) or by the batch itself (`by` says why). Images in flight go back in line. */
  pause(by?: JobError): void {
    if (this.batch.state !== 'running') return;
    this.batch.state = 'paused';
    if (by) this.batch.pausedBy = by;
    else delete this.batch.pausedBy;
    this.halt();
  }

  resume(): void {
    if (this.batch.state !== 'paused') return;
    this.run();
  }

  /** Final: what has not been written yet fails as cancelled (Retry still runs it). */
  stop(): void {
    if (this.batch.state === 'stopped' || this.batch.state === 'done') return;
    this.batch.state = 'stopped';
    delete this.batch.pausedBy;
    const now = this.now();
    for (const item of this.batch.items) if (item.status === 'waiting') toFailed(item, { code: 'cancelled' }, now);
    this.halt();
  }

  /** Retry one failed image or every one; a paused, stopped or done batch runs again for them. */
  retry(itemId?: string): void {
    if (retryItems(this.batch, itemId) === 0) return;
    this.run();
  }

  /** The source tab is gone: the images only it could read fail; the others go on. */
  tabClosed(): void {
    if (failPageOnlyItems(this.batch, this.now()) === 0) return;
    void this.persist();
    this.pump();
  }

  /** The batch was deleted (history cleared): stop its images and never write it back. */
  discard(): void {
    this.discarded = true;
    this.dirty = false;
    for (const controller of this.inFlight.values()) controller.abort();
    this.idle();
  }

  /** Settles once every change so far is written. */
  async flush(): Promise<void> {
    for (let saving = this.saving; saving !== undefined; saving = this.saving) await saving;
  }

  private run(): void {
    this.batch.state = 'running';
    delete this.batch.pausedBy;
    this.flow = resumeFlow(this.flow);
    void this.persist();
    this.start();
  }

  private halt(): void {
    for (const controller of this.inFlight.values()) controller.abort();
    this.idle();
    void this.persist();
  }

  private idle(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.release?.();
    this.release = undefined;
  }

  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.batch.state !== 'running' || this.discarded) return;
    const now = this.now();
    while (this.inFlight.size < this.deps.window) {
      const item = this.batch.items.find((candidate) => candidate.status === 'waiting');
      if (!item) break;
      const at = nextStartAt(this.flow, this.lastStartAt, now);
      if (at > now) {
        this.timer = setTimeout(() => this.pump(), at - now);
        return;
      }
      this.startItem(item, now);
    }
    if (this.inFlight.size === 0 && !this.batch.items.some((item) => item.status === 'waiting')) {
      this.batch.state = 'done';
      delete this.batch.notBefore;
      this.idle();
      void this.persist();
    }
  }

  private startItem(item: BatchItem, now: number): void {
    toWaiting(item);
    item.status = 'fetching';
    item.startedAt = now;
    this.lastStartAt = now;
    const controller = new AbortController();
    this.inFlight.set(item.id, controller);
    void this.persist();
    const context: ItemContext = {
      signal: controller.signal,
      writing: ({ jobId, entryId }) => {
        if (controller.signal.aborted) return;
        item.status = 'writing';
        item.jobId = jobId;
        item.entryId = entryId;
        void this.persist();
      },
      rateLimited: (retryAfterMs) => this.slowDown(retryAfterMs),
    };
    void this.deps
      .runItem(this.batch, item, context)
      .catch(
        (error): ItemResult =>
          isQuotaError(error)
            ? { type: 'pause', error: { code: 'storage-full' } }
            : { type: 'failed', error: asJobError(error), counts: false },
      )
      .then((result) => this.settle(item, controller, result));
  }

  private settle(item: BatchItem, controller: AbortController, result: ItemResult): void {
    this.inFlight.delete(item.id);
    const now = this.now();
    if (result.type === 'done') {
      item.status = 'done';
      item.finishedAt = now;
      delete item.error;
      this.flow = afterOutcome(this.flow, { type: 'done' }, now);
    } else if (controller.signal.aborted) {
      // Paused or stopped while it ran: its outcome is the batch's doing, not the image's.
      if (this.batch.state === 'stopped') toFailed(item, { code: 'cancelled' }, now);
      else toWaiting(item);
    } else if (result.type === 'failed') {
      toFailed(item, result.error, now);
      if (result.counts) {
        this.flow = afterOutcome(this.flow, { type: 'failed', reason: result.error.code }, now);
        if (shouldPause(this.flow)) this.pause(result.error);
      }
    } else if (result.type === 'rate-limited') {
      toWaiting(item);
      this.slowDown(result.retryAfterMs);
    } else {
      toWaiting(item);
      this.pause(result.error);
    }
    void this.persist();
    this.pump();
  }

  private slowDown(retryAfterMs: number | undefined): void {
    this.flow = afterOutcome(this.flow, { type: 'rate-limited', retryAfterMs }, this.now());
    this.batch.notBefore = this.flow.notBefore;
    void this.persist();
  }

  /** One write at a time, of the latest state: a burst of changes costs one or two writes. */
  private persist(): Promise<void> {
    if (this.discarded) return Promise.resolve();
    this.batch.updatedAt = this.now();
    this.dirty = true;
    this.saving ??= this.writeAll();
    return this.saving;
  }

  private async writeAll(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        await this.deps.save(this.batch).catch((error: unknown) => {
          // The disk is full: nothing more can be kept, so nothing more is asked of the provider.
          if (isQuotaError(error)) this.pause({ code: 'storage-full' });
          else console.error('PromptLens: batch not saved', error);
        });
      }
    } finally {
      this.saving = undefined;
    }
  }
}

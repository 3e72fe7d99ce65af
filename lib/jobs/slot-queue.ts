/**
 * A counting semaphore with an ordered waiting line: at most `limit` holders at once, the
 * rest wait in `order` (earliest first, then arrival). Pure: no browser, no database; the
 * worker turns its callbacks into job records.
 */
export interface SlotWaiter {
  id: string;
  /** Lower goes first: a job's creation time, so a resumed line keeps its order. */
  order: number;
  /** Told how many waiters are before this one, whenever that changes. */
  onAhead?: (ahead: number) => void;
}

interface Pending extends SlotWaiter {
  seq: number;
  grant: (release: () => void) => void;
  reject: (reason: unknown) => void;
  told?: number;
}

export class SlotQueue {
  private holders = 0;
  private waiting: Pending[] = [];
  private seq = 0;

  constructor(private limit: number) {}

  /** A new limit applies at once: raising it lets waiters through. */
  setLimit(limit: number): void {
    this.limit = Math.max(1, Math.floor(limit));
    this.pump();
  }

  get active(): number {
    return this.holders;
  }

  /** Whether a newcomer would have to wait. */
  get full(): boolean {
    return this.holders >= this.limit || this.waiting.length > 0;
  }

  /** How many are before `id` in the line, or undefined if it is not waiting. */
  ahead(id: string): number | undefined {
    const index = this.waiting.findIndex((w) => w.id === id);
    return index < 0 ? undefined : index;
  }

  /**
   * Resolves with a release function once a slot is free. An abort while waiting leaves the
   * line and rejects with the signal's reason; the slot is never taken.
   */
  acquire(waiter: SlotWaiter, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiting = this.waiting.filter((w) => w !== pending);
        reject(signal!.reason);
        this.pump();
      };
      const pending: Pending = {
        ...waiter,
        seq: this.seq++,
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        reject,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(pending);
      this.waiting.sort((a, b) => a.order - b.order || a.seq - b.seq);
      this.pump();
    });
  }

  private pump(): void {
    while (this.holders < this.limit && this.waiting.length) {
      const next = this.waiting.shift()!;
      this.holders++;
      let released = false;
      next.grant(() => {
        if (released) return;
        released = true;
        this.holders--;
        this.pump();
      });
    }
    this.waiting.forEach((w, index) => {
      if (w.told === index) return;
      w.told = index;
      w.onAhead?.(index);
    });
  }
}

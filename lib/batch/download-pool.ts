/**
 * At most N downloads at once, apart from the provider's own limit: fetching is cheap for us
 * and costly for the site, and six is what a browser itself opens per host. Written here
 * rather than taken from p-limit because a batch needs to abort one waiting download, or all,
 * with an AbortSignal that also reaches the running fetches.
 */
export const DOWNLOADS_AT_ONCE = 6;

export type PoolTask<T> = (signal: AbortSignal) => Promise<T>;

export interface DownloadPool {
  /** Runs the task when a slot is free; `signal` aborts it whether it waits or runs. */
  run<T>(task: PoolTask<T>, signal?: AbortSignal): Promise<T>;
  /** Aborts every waiting and running task (Stop). */
  abortAll(reason?: unknown): void;
  readonly active: number;
  readonly waiting: number;
}

interface Waiting {
  start: () => void;
  fail: (reason: unknown) => void;
}

const abortError = (reason?: unknown) => (reason instanceof Error ? reason : new DOMException('Aborted', 'AbortError'));

export function createDownloadPool(limit = DOWNLOADS_AT_ONCE): DownloadPool {
  if (!(limit >= 1)) throw new RangeError(`Invalid download limit ${limit}`);
  let active = 0;
  const queue: Waiting[] = [];
  let stop = new AbortController();

  const next = () => {
    if (active < limit) queue.shift()?.start();
  };

  function run<T>(task: PoolTask<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError(signal.reason));
    const batchSignal = stop.signal;
    return new Promise<T>((resolve, reject) => {
      const waiting: Waiting = {
        start: () => {
          signal?.removeEventListener('abort', onWaitingAbort);
          active += 1;
          const own = signal ? AbortSignal.any([signal, batchSignal]) : batchSignal;
          // A task that throws before its first await must still give its slot back.
          new Promise<T>((done) => done(task(own))).then(resolve, reject).finally(() => {
            active -= 1;
            next();
          });
        },
        fail: reject,
      };
      const onWaitingAbort = () => {
        const at = queue.indexOf(waiting);
        if (at >= 0) queue.splice(at, 1);
        reject(abortError(signal?.reason));
      };
      signal?.addEventListener('abort', onWaitingAbort, { once: true });
      queue.push(waiting);
      next();
    });
  }

  return {
    run,
    abortAll(reason) {
      const error = abortError(reason);
      for (const waiting of queue.splice(0)) waiting.fail(error);
      stop.abort(error);
      stop = new AbortController();
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

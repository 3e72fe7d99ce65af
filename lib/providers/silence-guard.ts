/**
 * The abort signal one streamed answer runs under: the user's Cancel passes through, and a
 * silence longer than `timeoutMs` (before the first piece or between pieces) aborts it too.
 * `arm()` restarts the clock on every piece; `timedOut` tells the two causes apart afterwards.
 */
export interface SilenceGuard {
  readonly signal: AbortSignal;
  readonly timedOut: boolean;
  arm(): void;
  dispose(): void;
}

export function silenceGuard(cancel: AbortSignal, timeoutMs: number): SilenceGuard {
  const controller = new AbortController();
  const forward = () => controller.abort(cancel.reason);
  cancel.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    arm() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    },
    dispose() {
      clearTimeout(timer);
      cancel.removeEventListener('abort', forward);
    },
  };
}

/**
 * One signal for a generation: the caller's Cancel and the timeout (image models are slow:
 * 180 s by default). Kept apart so a timeout is reported as one, not as a cancel.
 */
import { classifyGenerationError, GenerationFailure } from './generation-error';

export const DEFAULT_TIMEOUT_MS = 180_000;

export interface CallOptions {
  signal?: AbortSignal;
  /** Whole generation, queue and download included. */
  timeoutMs?: number;
}

export interface Deadline {
  signal: AbortSignal;
  timedOut(): boolean;
  dispose(): void;
}

export function deadline({ signal, timeoutMs = DEFAULT_TIMEOUT_MS }: CallOptions): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException('The generation timed out', 'TimeoutError'));
  }, timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Runs `work` under a deadline; whatever it throws leaves as a GenerationFailure. */
export async function underDeadline<T>(
  options: CallOptions,
  local: boolean,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const limit = deadline(options);
  try {
    return await work(limit.signal);
  } catch (error) {
    if (error instanceof GenerationFailure) throw error;
    throw new GenerationFailure(classifyGenerationError(error, { local, timedOut: limit.timedOut() }));
  } finally {
    limit.dispose();
  }
}

/** A pause that ends early, with the signal's reason, when the generation is aborted. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A test double of Chrome's `LanguageModel` (the Prompt API), written from its explainer and
 * Chrome's docs: the four availability states, `create()` that needs a user gesture to start a
 * download and reports it through `monitor` as `downloadprogress` events (0 first, 1 last),
 * `promptStreaming()` as a ReadableStream of deltas that an AbortSignal errors, `destroy()`.
 *
 * Self-contained on purpose: Playwright serializes the function into a page (addInitScript) or
 * the service worker (evaluate), so it may not close over anything outside itself.
 */
export interface LanguageModelDoubleConfig {
  availability: 'unavailable' | 'downloadable' | 'downloading' | 'available';
  /** What promptStreaming yields, one delta per chunk. */
  chunks?: string[];
  chunkDelayMs?: number;
  /** Fractions reported between the 0 and the 1 of a download. */
  downloadSteps?: number[];
  downloadStepMs?: number;
  /**
   * Hold the last chunk back until `LanguageModel.release()`: a test sees the stream half-way, whatever the machine's
   * speed.
   */
  holdLast?: boolean;
  /** Require a user gesture for a download, as Chrome does in a page (pages only: workers have none). */
  needsActivation?: boolean;
}

export interface LanguageModelDoubleLog {
  method: 'availability' | 'create' | 'promptStreaming' | 'destroy';
  detail?: unknown;
}

export function installLanguageModelDouble(config: LanguageModelDoubleConfig, scope: object = globalThis): unknown {
  const supported = ['en', 'es', 'ja'];
  let state = config.availability;
  const log: LanguageModelDoubleLog[] = [];
  let releaseLast: () => void = () => undefined;
  const lastReleased = config.holdLast
    ? new Promise<void>((resolve) => {
        releaseLast = resolve;
      })
    : Promise.resolve();
  const wait = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(resolve, ms);
      const abort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', abort, { once: true });
    });
  const fail = (name: string, message: string) => new DOMException(message, name);
  type Options = {
    expectedInputs?: { type: string; languages?: string[] }[];
    expectedOutputs?: { type: string; languages?: string[] }[];
  };
  const languagesOk = (o: Options = {}) =>
    [...(o.expectedInputs ?? []), ...(o.expectedOutputs ?? [])].every((e) =>
      (e.languages ?? []).every((l) => supported.includes(l)),
    );
  const progress = (loaded: number) =>
    typeof ProgressEvent === 'function'
      ? new ProgressEvent('downloadprogress', { loaded, total: 1 })
      : Object.assign(new Event('downloadprogress'), { loaded, total: 1 });

  class LanguageModel {
    private destroyed = false;
    constructor(private readonly options: Options) {}

    static log = log;

    static release() {
      releaseLast();
    }

    static async availability(options: Options = {}) {
      log.push({ method: 'availability', detail: options });
      return languagesOk(options) ? state : 'unavailable';
    }

    static async params() {
      return { defaultTopK: 3, maxTopK: 128, defaultTemperature: 1, maxTemperature: 2 };
    }

    static async create(
      options: Options & { monitor?: (m: EventTarget) => void; signal?: AbortSignal; initialPrompts?: unknown[] } = {},
    ) {
      log.push({ method: 'create', detail: { ...options, monitor: !!options.monitor, signal: !!options.signal } });
      options.signal?.throwIfAborted();
      if (!languagesOk(options) || state === 'unavailable')
        throw fail('NotSupportedError', 'The model is not available.');
      const monitor = new EventTarget();
      options.monitor?.(monitor);
      if (state === 'downloadable' || state === 'downloading') {
        const activation = (globalThis as { navigator?: { userActivation?: { isActive: boolean } } }).navigator
          ?.userActivation;
        if (state === 'downloadable' && config.needsActivation && !activation?.isActive) {
          throw fail('NotAllowedError', 'Requires a user gesture when availability is "downloadable".');
        }
        state = 'downloading';
        for (const loaded of [0, ...(config.downloadSteps ?? []), 1]) {
          monitor.dispatchEvent(progress(loaded));
          await wait(config.downloadStepMs ?? 0, options.signal);
        }
        state = 'available';
      }
      return new LanguageModel(options);
    }

    promptStreaming(
      input: { role: string; content: { type: string; value: unknown }[] }[],
      opts: { signal?: AbortSignal } = {},
    ) {
      if (this.destroyed) throw fail('InvalidStateError', 'The session was destroyed.');
      const images = input.flatMap((m) => m.content.filter((c) => c.type === 'image'));
      if (images.length && !this.options.expectedInputs?.some((e) => e.type === 'image')) {
        throw fail('NotSupportedError', 'Image input was not declared in expectedInputs.');
      }
      log.push({
        method: 'promptStreaming',
        detail: input.map((m) => ({
          role: m.role,
          content: m.content.map((c) =>
            c.value instanceof Blob ? { type: c.type, blobType: c.value.type, size: c.value.size } : c,
          ),
        })),
      });
      const chunks = [...(config.chunks ?? ['A ', 'test ', 'prompt.'])];
      const signal = opts.signal;
      const session = this;
      return new ReadableStream<string>({
        async pull(controller) {
          try {
            if (chunks.length === 1) await lastReleased;
            await wait(config.chunkDelayMs ?? 0, signal);
            if (session.destroyed) throw fail('AbortError', 'The session was destroyed.');
          } catch (error) {
            controller.error(error);
            return;
          }
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(next);
        },
      });
    }

    destroy() {
      log.push({ method: 'destroy' });
      this.destroyed = true;
    }
  }
  (scope as { LanguageModel?: unknown }).LanguageModel = LanguageModel;
  return LanguageModel;
}

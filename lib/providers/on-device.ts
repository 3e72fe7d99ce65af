/**
 * Chrome's built-in Prompt API (`LanguageModel`, Gemini Nano) as a provider: the model runs in
 * the browser, so there is no key, no address and no request leaving the device. Written from
 * the Prompt API explainer and Chrome's extension docs: `availability()` with the same options
 * as `create()`, a `monitor` for download progress, and `promptStreaming()` whose chunks are
 * deltas (Chrome 130+, crbug 342859651), cancelled through an AbortSignal.
 */
import { JobFailure, shorten } from '../errors';
import { silenceGuard } from './silence-guard';
import type { StreamResult } from './stream-completion';

export type OnDeviceAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** The languages Gemini Nano writes (Chrome 140+); any other prompt language gets English. */
export const ON_DEVICE_LANGUAGES = ['en', 'es', 'ja'] as const;
export type OnDeviceLanguage = (typeof ON_DEVICE_LANGUAGES)[number];

interface Expected {
  type: 'text' | 'image';
  languages?: string[];
}

export interface LanguageModelOptions {
  expectedInputs: Expected[];
  expectedOutputs: Expected[];
  initialPrompts?: { role: 'system'; content: string }[];
  monitor?: (m: EventTarget) => void;
  signal?: AbortSignal;
}

export type PromptPart = { type: 'text'; value: string } | { type: 'image'; value: Blob };

export interface LanguageModelSession {
  promptStreaming(
    input: { role: 'user'; content: PromptPart[] }[],
    options?: { signal?: AbortSignal },
  ): ReadableStream<string>;
  destroy(): void;
}

/** The static side of `LanguageModel`: what we call, so a test double can stand in. */
export interface LanguageModelApi {
  availability(options: LanguageModelOptions): Promise<OnDeviceAvailability>;
  create(options: LanguageModelOptions): Promise<LanguageModelSession>;
}

/** The browser's `LanguageModel`, or nothing where the API is absent (Firefox, Chrome before 138). */
export function languageModelApi(scope: object = globalThis): LanguageModelApi | undefined {
  const api = (scope as { LanguageModel?: LanguageModelApi }).LanguageModel;
  return typeof api?.availability === 'function' && typeof api.create === 'function' ? api : undefined;
}

export function onDeviceLanguage(code: string): OnDeviceLanguage {
  return (ON_DEVICE_LANGUAGES as readonly string[]).includes(code) ? (code as OnDeviceLanguage) : 'en';
}

/** One set of options for `availability()` and `create()`: the docs warn that they must match. */
export function sessionOptions(language: OnDeviceLanguage): LanguageModelOptions {
  return {
    expectedInputs: [{ type: 'text', languages: ['en'] }, { type: 'image' }],
    expectedOutputs: [{ type: 'text', languages: [language] }],
  };
}

export async function checkAvailability(
  api: LanguageModelApi | undefined,
  language: OnDeviceLanguage,
): Promise<OnDeviceAvailability> {
  if (!api) return 'unavailable';
  try {
    return await api.availability(sessionOptions(language));
  } catch {
    // Chrome rejects options it cannot serve (an unsupported language) instead of answering "unavailable".
    return 'unavailable';
  }
}

/**
 * Downloads the model: `create()` must run under the user's click when the model is
 * "downloadable". Progress comes as a fraction 0–1.
 */
export async function downloadModel(
  api: LanguageModelApi,
  language: OnDeviceLanguage,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const session = await api.create({
    ...sessionOptions(language),
    monitor(m) {
      m.addEventListener('downloadprogress', (e) => onProgress((e as ProgressEvent).loaded));
    },
  });
  session.destroy();
}

export interface OnDeviceRequest {
  api: LanguageModelApi | undefined;
  language: OnDeviceLanguage;
  /** The system instruction (the style's). */
  instruction: string;
  request: string;
  image: Blob;
  /** Longest silence we accept: before the first chunk and between chunks. */
  timeoutMs: number;
  signal: AbortSignal;
  onText: (textSoFar: string) => void;
}

/** One streamed answer from the on-device model, with the same timeout and cancel rules as a remote one. */
export async function streamOnDevice(req: OnDeviceRequest): Promise<StreamResult> {
  const state = await checkAvailability(req.api, req.language);
  // A job runs without a user gesture, so it cannot start a download: the settings page can.
  if (state === 'unavailable' || !req.api) throw new JobFailure({ code: 'on-device-unavailable' });
  if (state !== 'available') throw new JobFailure({ code: 'on-device-not-ready', detail: state });
  const guard = silenceGuard(req.signal, req.timeoutMs);
  let session: LanguageModelSession | undefined;
  const result: StreamResult = { text: '' };
  try {
    guard.arm();
    session = await req.api.create({
      ...sessionOptions(req.language),
      initialPrompts: [{ role: 'system', content: req.instruction }],
      signal: guard.signal,
    });
    const stream = session.promptStreaming(
      [
        {
          role: 'user',
          content: [
            { type: 'text', value: req.request },
            { type: 'image', value: req.image },
          ],
        },
      ],
      { signal: guard.signal },
    );
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      guard.arm();
      if (value) {
        result.text += value;
        req.onText(result.text);
      }
    }
    guard.signal.throwIfAborted();
    return result;
  } catch (error) {
    if (guard.timedOut) throw new JobFailure({ code: 'timeout', detail: `${Math.round(req.timeoutMs / 1000)} s` });
    if (req.signal.aborted) throw req.signal.reason;
    if (error instanceof JobFailure) throw error;
    const detail = shorten(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    throw new JobFailure({ code: result.text ? 'incomplete' : 'unknown', detail });
  } finally {
    guard.dispose();
    session?.destroy();
  }
}

import type { TFunction } from 'i18next';

/**
 * The app's error vocabulary: why something failed, as a code (stored with a job, sent in
 * messages), and the code → words in the user's language (the locale keys below). Stored as
 * data, so a failed job stays readable after a language switch.
 */
export const ERROR_CODES = [
  'no-base-url',
  'no-key',
  'no-model',
  'no-image',
  'page-not-ready',
  'image-fetch',
  'not-an-image',
  'image-decode',
  'image-too-small',
  'image-too-big',
  'bad-request',
  'unauthorized',
  'forbidden',
  'model-not-found',
  'too-large',
  'rate-limited',
  'server',
  'unreachable',
  'timeout',
  'empty-answer',
  'invalid-json',
  'interrupted',
  'cancelled',
  'incomplete',
  'bad-response',
  'unknown',
  // The privacy helper's: waiting for the one-time OK to send, and a full disk.
  'consent-required',
  'storage-full',
  // Chrome's on-device model: none on this device, or not downloaded yet.
  'on-device-unavailable',
  'on-device-not-ready',
  // A batch image only its page can read (canvas, video frame, blob:), and the page is gone.
  'page-closed',
  // "How close?" and "Refine": the model declined, its verdict was unusable, or the provider cannot compare two images.
  'refused',
  'invalid-verdict',
  'score-unsupported',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface JobError {
  code: ErrorCode;
  /** HTTP status, when there was one. */
  status?: number;
  /** The provider's or browser's own words, shortened: shown under our message. */
  detail?: string;
  /** From Retry-After, when the provider said when to come back. */
  retryAfterSeconds?: number;
  /** The provider was a local server (Ollama, LM Studio): its fixes differ. */
  local?: boolean;
}

/** Errors that the settings page fixes; the popup offers a button to it. */
const CONFIG_ERRORS: ReadonlySet<ErrorCode> = new Set([
  'no-base-url',
  'no-key',
  'no-model',
  'unauthorized',
  'forbidden',
  'model-not-found',
  'on-device-not-ready',
]);

export function isConfigError(code: ErrorCode): boolean {
  return CONFIG_ERRORS.has(code);
}

/** Thrown inside the pipeline; caught once, at the job boundary, and stored. */
export class JobFailure extends Error {
  constructor(readonly info: JobError) {
    super(info.detail ? `${info.code}: ${info.detail}` : info.code);
    this.name = 'JobFailure';
  }
}

export function shorten(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * A write refused because the disk or the browser's storage quota is full. Dexie names its
 * error after the DOMException, or wraps it (a transaction aborted by the quota) as `inner`.
 */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: unknown; inner?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = e.inner as typeof e;
  }
  return false;
}

export interface ErrorContext {
  /** The provider's display name. */
  provider: string;
  model: string;
}

export interface ErrorText {
  /** What went wrong. */
  title: string;
  /** What to do next. */
  hint: string;
  /** The provider's or browser's own words, if any. */
  detail?: string;
}

/** Codes whose words live in their feature's own section of the locale files. */
const TEXT_HOME: Partial<Record<ErrorCode, string>> = {
  'consent-required': 'privacy.errors.consentRequired',
  'storage-full': 'privacy.errors.storageFull',
  incomplete: 'queue.errors.incomplete',
  'bad-response': 'queue.errors.bad-response',
  'on-device-unavailable': 'onDevice.errors.unavailable',
  'on-device-not-ready': 'onDevice.errors.notReady',
  'page-closed': 'batchRun.errors.pageClosed',
  refused: 'score.errors.refused',
  'invalid-verdict': 'score.errors.invalidVerdict',
  'score-unsupported': 'score.errors.unsupported',
};

/** A stored failure → words for the user: the cause, then the next step. */
export function describeError(error: JobError, context: ErrorContext, t: TFunction): ErrorText {
  const vars = {
    provider: context.provider,
    model: context.model,
    status: error.status ?? '—',
    count: error.retryAfterSeconds ?? 0,
  };
  const code = error.code;
  const home = TEXT_HOME[code] ?? `errors.${code}`;
  let hintKey = `${home}.hint`;
  if (error.local && (code === 'forbidden' || code === 'model-not-found' || code === 'unreachable')) {
    hintKey = `errors.${code}.hintLocal`;
  } else if (code === 'rate-limited' && error.retryAfterSeconds) {
    hintKey = 'errors.rate-limited.hintWait';
  }
  const text: ErrorText = {
    title: t(`${home}.title` as never, vars) as string,
    hint: t(hintKey as never, vars) as string,
  };
  // First-strong isolates: the provider's (usually English) words keep their own direction
  // inside an Arabic sentence instead of having their punctuation flipped.
  if (error.detail) text.detail = t('errors.detail', { detail: `\u2068${error.detail}\u2069` });
  return text;
}

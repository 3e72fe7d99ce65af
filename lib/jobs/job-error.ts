/**
 * Why a job failed, as data: the popup turns it into words in the user's language, so the
 * stored job stays readable after a language switch.
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

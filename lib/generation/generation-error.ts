/**
 * Why a generation failed, as data, in the app's error vocabulary (lib/errors.ts's
 * shape: code, status, detail, retryAfterSeconds, local). These codes are generation-specific
 * and fold into the app's error list at merge. Each code has a message key and the one next
 * step the page offers.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from 'openai';
import { shorten } from '../errors';

export const GENERATION_ERROR_CODES = [
  'no-image-provider',
  'no-base-url',
  'no-key',
  'unauthorized',
  'forbidden',
  'model-not-found',
  'rate-limited',
  'content-policy',
  'blank-image',
  'prompt-rejected',
  'timeout',
  'queue-stuck',
  'result-expired',
  'not-an-image',
  'image-too-big',
  'local-no-api',
  'local-unreachable',
  'unreachable',
  'server',
  'bad-request',
  'no-image-in-answer',
  'cancelled',
  'unknown',
] as const;

export type GenerationErrorCode = (typeof GENERATION_ERROR_CODES)[number];

/** What the page offers next to the message. */
export type NextStep = 'open-settings' | 'retry' | 'retry-later' | 'edit-prompt' | 'start-local-server' | 'none';

export interface GenerationError {
  code: GenerationErrorCode;
  status?: number;
  /** The provider's own words, shortened: shown under our message. */
  detail?: string;
  retryAfterSeconds?: number;
  local?: boolean;
}

const NEXT_STEP: Record<GenerationErrorCode, NextStep> = {
  'no-image-provider': 'open-settings',
  'no-base-url': 'open-settings',
  'no-key': 'open-settings',
  unauthorized: 'open-settings',
  forbidden: 'open-settings',
  'model-not-found': 'open-settings',
  'rate-limited': 'retry-later',
  'content-policy': 'edit-prompt',
  'blank-image': 'edit-prompt',
  'prompt-rejected': 'edit-prompt',
  timeout: 'retry',
  'queue-stuck': 'retry-later',
  'result-expired': 'retry',
  'not-an-image': 'retry',
  'image-too-big': 'open-settings',
  'local-no-api': 'start-local-server',
  'local-unreachable': 'start-local-server',
  unreachable: 'retry',
  server: 'retry-later',
  'bad-request': 'open-settings',
  'no-image-in-answer': 'retry',
  cancelled: 'none',
  unknown: 'retry',
};

/** i18n key of the message: `generationError.<code>`; the UI adds the strings at wiring time. */
export function generationMessageKey(code: GenerationErrorCode): `generationError.${GenerationErrorCode}` {
  return `generationError.${code}`;
}

export function nextStep(code: GenerationErrorCode): NextStep {
  return NEXT_STEP[code];
}

/** Thrown by the adapters; caught once by whoever runs the generation. */
export class GenerationFailure extends Error {
  constructor(readonly info: GenerationError) {
    super(info.detail ? `${info.code}: ${info.detail}` : info.code);
    this.name = 'GenerationFailure';
  }
}

export function fail(code: GenerationErrorCode, extra: Omit<GenerationError, 'code'> = {}): never {
  const detail = extra.detail === undefined ? {} : { detail: shorten(extra.detail) };
  throw new GenerationFailure({ code, ...extra, ...detail });
}

export function codeForStatus(status: number, local: boolean): GenerationErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return local ? 'local-no-api' : 'model-not-found';
  if (status === 413) return 'image-too-big';
  if (status === 429) return 'rate-limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/**
 * Anything thrown while generating → what we tell the user. `timedOut` comes from the
 * adapter's deadline, so an abort it caused is told apart from the user's Cancel.
 */
export function classifyGenerationError(
  error: unknown,
  context: { local?: boolean; timedOut?: boolean } = {},
): GenerationError {
  const local = context.local ?? false;
  if (error instanceof GenerationFailure) return error.info;
  if (context.timedOut || error instanceof APIConnectionTimeoutError) return { code: 'timeout', local };
  if (error instanceof Error && error.name === 'TimeoutError') return { code: 'timeout', local };
  if (error instanceof APIUserAbortError || (error instanceof Error && error.name === 'AbortError'))
    return { code: 'cancelled' };
  // fetch() rejects with a bare TypeError when the server is down or CORS refused the answer;
  // the SDK wraps that in APIConnectionError.
  if (error instanceof TypeError || error instanceof APIConnectionError) {
    const detail = shorten(String((error as { cause?: unknown }).cause ?? error.message));
    return { code: local ? 'local-unreachable' : 'unreachable', local, detail };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'unknown', detail: shorten(detail) };
}

import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { isQuotaError, JobFailure, shorten, type ErrorCode, type JobError } from '../errors';
import { retryAfterFromHeaders } from './retry-policy';

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'model-not-found';
  if (status === 413) return 'too-large';
  if (status === 429) return 'rate-limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/**
 * The provider's own message. The SDK hands over the body's `error` member: OpenAI's
 * `{message, type, code}` object, or the bare string that Ollama and others send.
 */
function providerMessage(error: APIError): string | undefined {
  const body: unknown = error.error;
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object') {
    const { message, error: inner } = body as { message?: unknown; error?: unknown };
    if (typeof message === 'string') return message;
    if (typeof inner === 'string') return inner;
    if (inner && typeof inner === 'object' && typeof (inner as { message?: unknown }).message === 'string') {
      return (inner as { message: string }).message;
    }
  }
  return undefined;
}

/** Any error from the request → what we tell the user. `local` marks Ollama/LM Studio. */
export function classifyError(error: unknown, local = false): JobError {
  if (error instanceof JobFailure) return error.info;
  if (error instanceof APIUserAbortError) return { code: 'cancelled' };
  if (error instanceof APIConnectionTimeoutError) return { code: 'timeout', local };
  if (error instanceof APIConnectionError) {
    return { code: 'unreachable', local, detail: shorten(String(error.cause ?? error.message)) };
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const detail = providerMessage(error);
    const retryAfter = retryAfterFromHeaders(error.headers, Date.now());
    return {
      code: codeForStatus(error.status),
      status: error.status,
      local,
      ...(detail ? { detail: shorten(detail) } : {}),
      ...(retryAfter !== undefined ? { retryAfterSeconds: Math.ceil(retryAfter / 1000) } : {}),
    };
  }
  if (isQuotaError(error)) return { code: 'storage-full' };
  if (error instanceof Error && error.name === 'AbortError') return { code: 'cancelled' };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'unknown', detail: shorten(detail) };
}

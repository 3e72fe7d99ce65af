import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { JobFailure, shorten, type ErrorCode, type JobError } from '../jobs/job-error';
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

/** The provider's own message, from the error JSON shapes OpenAI-compatible servers use. */
function providerMessage(error: APIError): string | undefined {
  const body = error.error as { message?: unknown; error?: unknown } | undefined;
  const inner = typeof body?.error === 'object' && body.error ? (body.error as { message?: unknown }) : body;
  if (typeof inner?.message === 'string') return inner.message;
  if (typeof body?.error === 'string') return body.error;
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
  if (error instanceof Error && error.name === 'AbortError') return { code: 'cancelled' };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'unknown', detail: shorten(detail) };
}

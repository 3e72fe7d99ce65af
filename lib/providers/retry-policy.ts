/** Which failures are worth another try, and how long to wait before it. */
export const MAX_ATTEMPTS = 3;
/** Waiting longer than this inside a popup helps nobody: we stop and say when to come back. */
export const MAX_WAIT_MS = 30_000;

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number | undefined): boolean {
  return status !== undefined && RETRYABLE.has(status);
}

/** Retry-After as seconds or an HTTP date → milliseconds from now. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1), or undefined to give up.
 * The provider's Retry-After wins; otherwise exponential backoff with jitter.
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  random = Math.random,
): number | undefined {
  if (attempt >= MAX_ATTEMPTS) return undefined;
  if (retryAfterMs !== undefined) return retryAfterMs <= MAX_WAIT_MS ? retryAfterMs : undefined;
  const base = 1000 * 2 ** (attempt - 1);
  return Math.round(base * (0.75 + random() * 0.5));
}

/** The wait a response asks for: `retry-after-ms` (OpenAI) first, then standard Retry-After. */
export function retryAfterFromHeaders(headers: Headers | undefined, now: number): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  return parseRetryAfter(headers?.get('retry-after') ?? null, now);
}

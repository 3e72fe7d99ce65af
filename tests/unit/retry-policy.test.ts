import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS,
  MAX_WAIT_MS,
  isRetryableStatus,
  parseRetryAfter,
  retryAfterFromHeaders,
  retryDelay,
} from '@/lib/providers/retry-policy';

describe('retry policy', () => {
  it('retries rate limits, timeouts and server errors only', () => {
    for (const s of [408, 429, 500, 502, 503, 504]) expect(isRetryableStatus(s)).toBe(true);
    for (const s of [400, 401, 403, 404, 413, undefined]) expect(isRetryableStatus(s)).toBe(false);
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
  });

  it("waits what the provider asks, and gives up when that is longer than we'd keep a user waiting", () => {
    expect(retryDelay(1, 2000)).toBe(2000);
    expect(retryDelay(1, MAX_WAIT_MS + 1)).toBeUndefined();
  });

  it('backs off exponentially with jitter, and stops after the last attempt', () => {
    expect(retryDelay(1, undefined, () => 0.5)).toBe(1000);
    expect(retryDelay(2, undefined, () => 0.5)).toBe(2000);
    expect(retryDelay(1, undefined, () => 0)).toBe(750);
    expect(retryDelay(MAX_ATTEMPTS, undefined)).toBeUndefined();
  });
});

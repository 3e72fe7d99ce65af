import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { JobFailure } from '@/lib/errors';
import { classifyError } from '@/lib/providers/classify-error';

function apiError(status: number, body: unknown, headers: Record<string, string> = {}) {
  return APIError.generate(status, body as object, undefined, new Headers(headers));
}

const openaiBody = (message: string) => ({
  error: { message, type: 'invalid_request_error', param: null, code: null },
});

describe('classifyError', () => {
  it.each([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'model-not-found'],
    [408, 'timeout'],
    [413, 'too-large'],
    [429, 'rate-limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
  ])('HTTP %i → %s, keeping the status', (status, code) => {
    expect(classifyError(apiError(status, openaiBody('nope')))).toMatchObject({ code, status });
  });

  it("keeps the provider's own message (OpenAI's shape and the bare-string shape)", () => {
    expect(classifyError(apiError(400, openaiBody('Invalid image.'))).detail).toBe('Invalid image.');
    expect(classifyError(apiError(403, { error: 'Forbidden origin' })).detail).toBe('Forbidden origin');
  });

  it('reads Retry-After (seconds) and retry-after-ms', () => {
    expect(classifyError(apiError(429, openaiBody('slow down'), { 'retry-after': '20' })).retryAfterSeconds).toBe(20);
    expect(classifyError(apiError(429, openaiBody('slow down'), { 'retry-after-ms': '1500' })).retryAfterSeconds).toBe(
      2,
    );
  });

  it('tells network failures, timeouts and cancels apart', () => {
    expect(classifyError(new APIConnectionError({ cause: new TypeError('Failed to fetch') }), true)).toMatchObject({
      code: 'unreachable',
      local: true,
    });
    expect(classifyError(new APIConnectionTimeoutError())).toMatchObject({ code: 'timeout' });
    expect(classifyError(new APIUserAbortError())).toEqual({ code: 'cancelled' });
  });

  it('passes our own failures through and shortens unknown ones', () => {
    expect(classifyError(new JobFailure({ code: 'no-key' }))).toEqual({ code: 'no-key' });
    const unknown = classifyError(new Error('x'.repeat(1000)));
    expect(unknown.code).toBe('unknown');
    expect(unknown.detail!.length).toBeLessThanOrEqual(300);
  });
});

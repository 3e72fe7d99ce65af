import { APIError } from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobFailure } from '@/lib/errors';
import { createClient } from '@/lib/providers/client';
import { PRESETS } from '@/lib/providers/presets';
import { streamCompletion } from '@/lib/providers/stream-completion';

const chunk = (content: string | null, extra: object = {}) => {
  const choices = content === null ? [] : [{ index: 0, delta: { content }, finish_reason: null }];
  const data = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices, ...extra };
  return `data: ${JSON.stringify(data)}\n\n`;
};

function sse(parts: string[]): Response {
  const body = new ReadableStream({
    start(controller) {
      for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

const errorResponse = (status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error: { message: `status ${status}`, type: 'x', param: null, code: null } }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

function run(
  fetchImpl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>,
  opts: { timeoutMs?: number; signal?: AbortSignal; apiKey?: string } = {},
) {
  const fetchMock = vi.fn(fetchImpl);
  vi.stubGlobal('fetch', fetchMock);
  const texts: string[] = [];
  const retries: number[] = [];
  const promise = streamCompletion({
    client: createClient({
      preset: PRESETS.openai,
      baseUrl: 'https://api.test/v1/',
      apiKey: opts.apiKey ?? 'sk-1',
      timeoutMs: 5000,
    }),
    body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true },
    timeoutMs: opts.timeoutMs ?? 5000,
    signal: opts.signal ?? new AbortController().signal,
    onText: (t) => texts.push(t),
    onRetry: (n) => retries.push(n.delayMs),
  });
  return { promise, texts, retries, fetchMock };
}

afterEach(() => vi.unstubAllGlobals());

describe('streamCompletion', () => {
  it('streams text as it arrives and reports usage', async () => {
    const { promise, texts } = run(async () =>
      sse([
        chunk('A red '),
        chunk('fox'),
        chunk(null, { usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 } }),
        'data: [DONE]\n\n',
      ]),
    );
    const result = await promise;
    expect(result.text).toBe('A red fox');
    expect(texts).toEqual(['A red ', 'A red fox']);
    expect(result.usage).toEqual({ promptTokens: 9, completionTokens: 2 });
  });

  it('posts to {baseUrl}/chat/completions without x-stainless headers; no Authorization without a key', async () => {
    const { promise, fetchMock } = run(async () => sse([chunk('ok'), 'data: [DONE]\n\n']), { apiKey: '' });
    await promise;
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe('https://api.test/v1/chat/completions');
    const headers = new Headers(init?.headers);
    expect([...headers.keys()].filter((k) => k.startsWith('x-stainless'))).toEqual([]);
    expect(headers.has('authorization')).toBe(false);
  });

  it('retries a 429 after the Retry-After the provider asked for, then succeeds', async () => {
    let calls = 0;
    const { promise, retries } = run(async () =>
      ++calls === 1 ? errorResponse(429, { 'retry-after-ms': '20' }) : sse([chunk('ok'), 'data: [DONE]\n\n']),
    );
    expect((await promise).text).toBe('ok');
    expect(retries).toEqual([20]);
    expect(calls).toBe(2);
  });

  it('gives up after three attempts at a failing server, with the last error', async () => {
    const { promise, retries, fetchMock } = run(async () => errorResponse(503, { 'retry-after': '0' }));
    await expect(promise).rejects.toBeInstanceOf(APIError);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(retries).toEqual([0, 0]);
  });

  it('does not retry what a retry cannot fix (401)', async () => {
    const { promise, fetchMock } = run(async () => errorResponse(401));
    await expect(promise).rejects.toMatchObject({ status: 401 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('times out a provider that never answers', async () => {
    const { promise } = run(
      (_, init) =>
        new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
      { timeoutMs: 100 },
    );
    await expect(promise).rejects.toSatisfy((e) => e instanceof JobFailure && e.info.code === 'timeout');
  });

  it('stops when the user cancels', async () => {
    const controller = new AbortController();
    const { promise } = run(
      (_, init) =>
        new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(promise).rejects.toBeDefined();
    expect(controller.signal.aborted).toBe(true);
  });
});

describe('streamCompletion: broken answers', () => {
  it('a stream cut half-way keeps the text that came and fails as incomplete, without a second request', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(chunk('A red fox ') + chunk('in the ')));
        setTimeout(() => controller.error(new TypeError('network error')), 5);
      },
    });
    const { promise, texts, fetchMock } = run(
      async () => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    );
    await expect(promise).rejects.toSatisfy(
      (e) => e instanceof JobFailure && e.info.code === 'incomplete' && e.info.detail === 'network error',
    );
    expect(texts.at(-1)).toBe('A red fox in the ');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('a 200 whose body is a web page, not an event stream, is a bad response naming what came', async () => {
    const { promise } = run(
      async () =>
        new Response('<!doctype html><h1>Sign in</h1>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    await expect(promise).rejects.toSatisfy(
      (e) => e instanceof JobFailure && e.info.code === 'bad-response' && /text\/html/.test(e.info.detail ?? ''),
    );
  });

  it('a stream of events with no words in it is an empty answer for the caller, not a bad response', async () => {
    const { promise } = run(async () =>
      sse([chunk('', { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }), 'data: [DONE]\n\n']),
    );
    await expect(promise).resolves.toMatchObject({ text: '', finishReason: 'stop' });
  });
});

describe('streamCompletion: stopped mid-stream', () => {
  const slowStream = () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(chunk('A red ')));
        // …and nothing more: the provider went silent.
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };

  it('a stream that goes silent times out instead of passing for a finished answer', async () => {
    const { promise, texts } = run(async () => slowStream(), { timeoutMs: 100 });
    await expect(promise).rejects.toSatisfy((e) => e instanceof JobFailure && e.info.code === 'timeout');
    expect(texts).toEqual(['A red ']);
  });

  it('Cancel mid-stream rejects with the cancel reason', async () => {
    const controller = new AbortController();
    const { promise } = run(async () => slowStream(), { signal: controller.signal });
    setTimeout(() => controller.abort(new JobFailure({ code: 'cancelled' })), 30);
    await expect(promise).rejects.toSatisfy((e) => e instanceof JobFailure && e.info.code === 'cancelled');
  });
});

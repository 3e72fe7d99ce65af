import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_SOURCE_BYTES, fetchImage } from '@/lib/image/fetch-image';
import { JobFailure } from '@/lib/errors';

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(JobFailure);
  return (error as JobFailure).info;
};

afterEach(() => vi.unstubAllGlobals());

describe('fetchImage', () => {
  it('names the site’s refusal with its status', async () => {
    vi.stubGlobal('fetch', async () => new Response('no', { status: 403 }));
    expect(await failure(fetchImage('https://cdn.test/a.jpg', new AbortController().signal))).toMatchObject({
      code: 'image-fetch',
      status: 403,
    });
  });

  it('an image file over the size limit is the image’s problem, not the provider’s', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('x', { headers: { 'content-length': String(MAX_SOURCE_BYTES + 1) } }),
    );
    expect(await failure(fetchImage('https://cdn.test/huge.tif', new AbortController().signal))).toMatchObject({
      code: 'image-too-big',
    });
  });

  it('an HTML page where the image should be is said to be one', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('<!doctype html><p>Log in', { headers: { 'content-type': 'text/html' } }),
    );
    expect(await failure(fetchImage('https://cdn.test/a.jpg', new AbortController().signal))).toMatchObject({
      code: 'not-an-image',
      detail: 'text/html',
    });
  });

  it('a file of undeclared length stops downloading once it passes the limit asked for', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    vi.stubGlobal('fetch', async () => new Response(body));
    expect(await failure(fetchImage('https://cdn.test/endless.jpg', new AbortController().signal, 4096))).toMatchObject(
      { code: 'image-too-big' },
    );
    expect(pulled).toBeLessThan(10);
  });
});

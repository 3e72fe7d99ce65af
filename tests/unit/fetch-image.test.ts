import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_SOURCE_BYTES, fetchImage } from '@/lib/image/fetch-image';
import { JobFailure } from '@/lib/errors';
import { HEAD_BYTES } from '@/lib/image/dimensions';

/** A JPEG-looking file of `size` bytes whose every byte says where it is. */
function file(size: number): Uint8Array {
  const bytes = new Uint8Array(size).map((_, i) => (i * 7) % 251);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

/** Byte for byte (toEqual on a quarter of a megabyte takes seconds). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

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

  it('keeps the file’s first bytes from the download, whole or in parts, so nothing reads them back', async () => {
    const bytes = file(HEAD_BYTES + 5000);
    const whole = () => new Response(bytes as BodyInit, { headers: { 'content-length': String(bytes.length) } });
    const parts = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (let at = 0; at < bytes.length; at += 7000) controller.enqueue(bytes.slice(at, at + 7000));
            controller.close();
          },
        }),
      );
    for (const response of [whole, parts]) {
      vi.stubGlobal('fetch', async () => response());
      const fetched = await fetchImage('https://cdn.test/a.jpg', new AbortController().signal);
      expect(fetched.format).toBe('jpeg');
      expect(same(fetched.head!, bytes.subarray(0, HEAD_BYTES))).toBe(true);
      expect(same(new Uint8Array(await fetched.blob.arrayBuffer()), bytes)).toBe(true);
    }
    // A large file goes straight into a blob; its head is still there.
    const large = file(33 * 1024 * 1024);
    vi.stubGlobal(
      'fetch',
      async () => new Response(large as BodyInit, { headers: { 'content-length': String(large.length) } }),
    );
    const fetchedLarge = await fetchImage('https://cdn.test/large.jpg', new AbortController().signal);
    expect(same(fetchedLarge.head!, large.subarray(0, HEAD_BYTES))).toBe(true);
    expect(fetchedLarge.blob.size).toBe(large.length);
    // A file smaller than the head: the head is the whole file.
    const small = file(3000);
    vi.stubGlobal('fetch', async () => new Response(new Blob([small as BlobPart]).stream()));
    expect(same((await fetchImage('https://cdn.test/b.jpg', new AbortController().signal)).head!, small)).toBe(true);
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

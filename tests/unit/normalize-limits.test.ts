import { describe, expect, it } from 'vitest';
import { MAX_MEGAPIXELS, normalizeImage } from '@/lib/image/normalize';
import { DEFAULT_LIMITS } from '@/lib/image/fit-size';
import { JobFailure } from '@/lib/errors';

/** A PNG header claiming a size: enough for the check that runs before any decoding. */
function pngClaiming(width: number, height: number): Blob {
  const head = new Uint8Array(33);
  head.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(head.buffer).setUint32(16, width);
  new DataView(head.buffer).setUint32(20, height);
  return new Blob([head]);
}

describe('the size limit, checked from the header before decoding', () => {
  it('refuses an image over 100 megapixels, naming its size, without decoding it', async () => {
    expect(MAX_MEGAPIXELS).toBe(100);
    // Node has no createImageBitmap: reaching the decoder would fail with another error.
    const error = await normalizeImage(pngClaiming(12_000, 9_000), 'png', DEFAULT_LIMITS, 1e6).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailure);
    expect((error as JobFailure).info).toMatchObject({ code: 'image-too-big', detail: '12000 × 9000' });
  });

  it('lets exactly 100 megapixels through to the decoder', async () => {
    const error = await normalizeImage(pngClaiming(10_000, 10_000), 'png', DEFAULT_LIMITS, 1e6).catch(
      (e: unknown) => e,
    );
    expect((error as JobFailure).info?.code).not.toBe('image-too-big');
  });
});

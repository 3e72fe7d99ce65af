import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, fitSize } from '@/lib/image/fit-size';

describe('fitSize (OpenAI high-detail rule)', () => {
  it.each([
    // [source, expected]: fit 2048 box, then short side ≤ 768
    [
      [4000, 3000],
      [1024, 768],
    ],
    [
      [3000, 4000],
      [768, 1024],
    ],
    [
      [4096, 4096],
      [768, 768],
    ],
    [
      [1600, 900],
      [1365, 768],
    ],
    [
      [1200, 800],
      [1152, 768],
    ],
    [
      [8000, 1000],
      [2048, 256],
    ],
    [
      [1000, 8000],
      [256, 2048],
    ],
  ])('%j → %j', ([width, height], expected) => {
    const out = fitSize({ width: width!, height: height! });
    expect([out.width, out.height]).toEqual(expected);
  });

  it('never upscales small images', () => {
    expect(fitSize({ width: 640, height: 480 })).toEqual({ width: 640, height: 480 });
    expect(fitSize({ width: 3, height: 2 })).toEqual({ width: 3, height: 2 });
  });

  it('keeps the aspect ratio within a pixel', () => {
    const out = fitSize({ width: 5472, height: 3648 });
    expect(Math.abs(out.width / out.height - 5472 / 3648)).toBeLessThan(1 / out.height);
  });

  it("applies a provider's long-edge cap last", () => {
    expect(fitSize({ width: 8000, height: 1000 }, { ...DEFAULT_LIMITS, longEdge: 1568 })).toEqual({
      width: 1568,
      height: 196,
    });
  });

  it('rejects sizes that are not images', () => {
    expect(() => fitSize({ width: 0, height: 10 })).toThrow(RangeError);
    expect(() => fitSize({ width: Number.NaN, height: 10 })).toThrow(RangeError);
  });
});

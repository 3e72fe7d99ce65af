import { describe, expect, it } from 'vitest';
import { fitSize } from '@/lib/image/fit-size';
import { jpegOrientation } from '@/lib/image/jpeg-orientation';
import { jpegDecodeSize } from '@/lib/image/scaled-decode';

describe('jpegDecodeSize', () => {
  it('asks for the smallest eighth that still covers the size sent', () => {
    const stored = { width: 4000, height: 3000 };
    const target = fitSize(stored); // 1024 × 768
    expect(jpegDecodeSize(stored, target)).toEqual({ width: 1500, height: 1125 });
  });

  it('never asks for less than the size sent, on either side', () => {
    for (const stored of [
      { width: 4000, height: 3000 },
      { width: 3001, height: 4999 },
      { width: 8192, height: 1024 },
      { width: 12_000, height: 8_000 },
    ]) {
      const target = fitSize(stored);
      const asked = jpegDecodeSize(stored, target);
      if (!asked) continue;
      expect(asked.width).toBeGreaterThanOrEqual(target.width);
      expect(asked.height).toBeGreaterThanOrEqual(target.height);
    }
  });

  it('decodes at full size when nothing smaller covers the target', () => {
    expect(jpegDecodeSize({ width: 1100, height: 800 }, { width: 1056, height: 768 })).toBeUndefined();
    expect(jpegDecodeSize({ width: 800, height: 600 }, { width: 800, height: 600 })).toBeUndefined();
  });
});

/** A JPEG start with an Exif APP1 holding one orientation tag. */
function jpegWithOrientation(orientation: number, littleEndian: boolean): Uint8Array {
  const tiff = littleEndian
    ? [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0]
    : [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [...'Exif'].map((c) => c.charCodeAt(0)).concat([0, 0], tiff);
  const length = payload.length + 2;
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 0xff, ...payload, 0xff, 0xda, 0, 2]);
}

describe('jpegOrientation', () => {
  it('reads the tag in either byte order', () => {
    expect(jpegOrientation(jpegWithOrientation(6, true))).toBe(6);
    expect(jpegOrientation(jpegWithOrientation(8, false))).toBe(8);
    expect(jpegOrientation(jpegWithOrientation(1, true))).toBe(1);
  });

  it('says nothing for a JPEG without Exif, or for other bytes', () => {
    expect(jpegOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xda, 0, 2]))).toBeUndefined();
    expect(jpegOrientation(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDimensions } from '@/lib/image/dimensions';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('image size from the header, without decoding', () => {
  it('PNG', () =>
    expect(readDimensions(new Uint8Array(fs.readFileSync('public/icon/48.png')))).toEqual({ width: 48, height: 48 }));
  it('GIF', () =>
    expect(readDimensions(bytes('GIF89a', [0x40, 0x01, 0xf0, 0x00]))).toEqual({ width: 320, height: 240 }));
  it('JPEG: skips APP segments to the SOF marker', () => {
    const jpeg = bytes(
      [0xff, 0xd8],
      [0xff, 0xe1, 0x00, 0x06, 1, 2, 3, 4],
      [0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x84, 0x06, 0x40],
      Array(12).fill(0),
    );
    expect(readDimensions(jpeg)).toEqual({ width: 1600, height: 900 });
  });
  it('WebP lossy, lossless and extended', () => {
    const vp8 = bytes(
      'RIFF',
      [0, 0, 0, 0],
      'WEBPVP8 ',
      [0, 0, 0, 0],
      [0, 0, 0, 0x9d, 0x01, 0x2a],
      [0x40, 0x06, 0x84, 0x03],
    );
    expect(readDimensions(vp8)).toEqual({ width: 1600, height: 900 });
    const vp8x = bytes(
      'RIFF',
      [0, 0, 0, 0],
      'WEBPVP8X',
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0xff, 0x0f, 0x00],
      [0xff, 0x0f, 0x00],
    );
    expect(readDimensions(vp8x)).toEqual({ width: 4096, height: 4096 });
    const w = 99,
      h = 49,
      bits = (w - 1) | ((h - 1) << 14);
    const vp8l = bytes(
      'RIFF',
      [0, 0, 0, 0],
      'WEBPVP8L',
      [0, 0, 0, 0],
      [0x2f],
      [bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, (bits >>> 24) & 255],
    );
    expect(readDimensions(vp8l)).toEqual({ width: 99, height: 49 });
  });
  it('BMP, top-down rows (negative height) too', () => {
    const header = new Uint8Array(54);
    const view = new DataView(header.buffer);
    header.set([0x42, 0x4d]);
    view.setUint32(14, 40, true);
    view.setInt32(18, 12000, true);
    view.setInt32(22, -9000, true);
    expect(readDimensions(header)).toEqual({ width: 12000, height: 9000 });
  });
  it('AVIF: the largest ispe (a grid over its tiles)', () => {
    const ispe = (w: number, h: number) =>
      bytes(
        [0, 0, 0, 20],
        'ispe',
        [0, 0, 0, 0],
        [w >> 24, (w >> 16) & 255, (w >> 8) & 255, w & 255],
        [h >> 24, (h >> 16) & 255, (h >> 8) & 255, h & 255],
      );
    const avif = new Uint8Array([
      ...bytes([0, 0, 0, 20], 'ftypavif', [0, 0, 0, 0], 'mif1'),
      ...ispe(512, 512),
      ...ispe(12288, 8192),
    ]);
    expect(readDimensions(avif)).toEqual({ width: 12288, height: 8192 });
  });
  it('unknown or truncated → undefined', () => {
    expect(readDimensions(bytes('hello world'))).toBeUndefined();
    expect(readDimensions(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBeUndefined();
  });
});

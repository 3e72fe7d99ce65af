import { describe, expect, it } from 'vitest';
import { looksLikeText, mayHaveAlpha, sniffFormat } from '@/lib/image/sniff';

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('format sniffing by magic bytes', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a])],
    ['gif', bytes('GIF89a')],
    ['webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['avif', bytes([0, 0, 0, 0x1c], 'ftypavif')],
    ['bmp', bytes('BM', [0, 0])],
    ['ico', bytes([0, 0, 1, 0, 1, 0])],
    ['svg', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">')],
    ['svg', bytes('  <svg viewBox="0 0 1 1">')],
    ['unknown', bytes('hello')],
  ])('%s', (format, head) => {
    expect(sniffFormat(head)).toBe(format);
  });

  it('spots an HTML page or JSON sent where an image was expected', () => {
    expect(looksLikeText(bytes('<!DOCTYPE html><html>'))).toBe(true);
    expect(looksLikeText(bytes('{"error":"forbidden"}'))).toBe(true);
    expect(looksLikeText(bytes([0xff, 0xd8, 0xff]))).toBe(false);
  });

  it('checks transparency only where a format can carry it', () => {
    expect(mayHaveAlpha('jpeg')).toBe(false);
    expect(mayHaveAlpha('png')).toBe(true);
    expect(mayHaveAlpha('webp')).toBe(true);
  });
});

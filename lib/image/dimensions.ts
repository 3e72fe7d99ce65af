import type { Size } from './fit-size';
import { sniffFormat } from './sniff';

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;

function jpegSize(b: Uint8Array): Size | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = u16be(b, i + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + length;
  }
  return undefined;
}

function webpSize(b: Uint8Array): Size | undefined {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

const i32le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
const u32le = (b: Uint8Array, i: number) => i32le(b, i) >>> 0;
const ascii = (b: Uint8Array, i: number) => String.fromCharCode(...b.subarray(i, i + 4));

/** BITMAPINFOHEADER (or later): signed sizes, a negative height means top-down rows. */
function bmpSize(b: Uint8Array): Size | undefined {
  if (b.length < 26 || u32le(b, 14) < 40) return undefined;
  return { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
}

/**
 * AVIF: the 'ispe' (image spatial extent) properties in meta → iprp → ipco. A grid image has one
 * for the whole picture and one per tile: the largest is the picture.
 */
function avifSize(b: Uint8Array): Size | undefined {
  let best: Size | undefined;
  for (let i = 12; i + 16 <= b.length; i++) {
    if (ascii(b, i) !== 'ispe') continue;
    const size = { width: u32be(b, i + 8), height: u32be(b, i + 12) };
    if (!best || size.width * size.height > best.width * best.height) best = size;
  }
  return best;
}

/** Enough of a file to find its size (a JPEG's EXIF block comes before its frame header). */
export const HEAD_BYTES = 256 * 1024;

/** The first HEAD_BYTES of `source`. */
export const readHead = async (source: Blob): Promise<Uint8Array> =>
  new Uint8Array(await source.slice(0, HEAD_BYTES).arrayBuffer());

/**
 * Width and height from the file header, without decoding. Stored size (EXIF orientation is
 * not applied); undefined where the header does not say or the format is not one we parse.
 */
export function readDimensions(head: Uint8Array): Size | undefined {
  switch (sniffFormat(head)) {
    case 'png':
      return { width: u32be(head, 16), height: u32be(head, 20) };
    case 'gif':
      return { width: u16le(head, 6), height: u16le(head, 8) };
    case 'jpeg':
      return jpegSize(head);
    case 'webp':
      return webpSize(head);
    case 'bmp':
      return bmpSize(head);
    case 'avif':
      return avifSize(head);
    default:
      return undefined;
  }
}

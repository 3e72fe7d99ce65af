/**
 * The EXIF orientation of a JPEG (1–8) from its first bytes, or undefined when it has none. A
 * reduced-size decode is only trusted for upright images: how a decoder turns a rotated one is
 * not something every browser agrees on.
 */
const u16 = (b: Uint8Array, i: number, le: boolean) => (le ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!);
const u32 = (b: Uint8Array, i: number, le: boolean) =>
  le
    ? (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0
    : ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;

/** The orientation tag in a TIFF header starting at `t`. */
function tiffOrientation(b: Uint8Array, t: number): number | undefined {
  if (t + 8 > b.length) return undefined;
  const order = String.fromCharCode(b[t]!, b[t + 1]!);
  if (order !== 'II' && order !== 'MM') return undefined;
  const le = order === 'II';
  const ifd = t + u32(b, t + 4, le);
  if (ifd + 2 > b.length) return undefined;
  const count = u16(b, ifd, le);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > b.length) return undefined;
    if (u16(b, entry, le) === 0x0112) return u16(b, entry + 8, le);
  }
  return undefined;
}

export function jpegOrientation(b: Uint8Array): number | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    // Start of scan: the metadata segments are all before it.
    if (marker === 0xda) return undefined;
    const length = u16(b, i + 2, false);
    const exif = marker === 0xe1 && String.fromCharCode(...b.subarray(i + 4, i + 10)) === 'Exif\0\0';
    if (exif) return tiffOrientation(b, i + 10);
    i += 2 + length;
  }
  return undefined;
}

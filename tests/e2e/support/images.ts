/**
 * Test images made in the browser at set-up time, each with its own size and colour, so the
 * fake provider can tell which one it was sent. Plus the inspection of what it received.
 */
import type { Page } from '@playwright/test';

export interface ImageSpec {
  width: number;
  height: number;
  /** [r, g, b] */
  color: [number, number, number];
  /** GIF is written here (canvases cannot), AVIF is AV1-encoded by the browser and boxed here. */
  type?: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/avif' | 'video/webm';
  /** GIF: a second frame in this colour, so a test can tell the first frame was used. */
  laterFrame?: [number, number, number];
  /** Pixel noise, so sizes resemble photos rather than flat fills. */
  noise?: number;
  /** Transparent margin (PNG/WebP): tests that transparency survives. */
  transparentBorder?: boolean;
}

export async function makeImage(page: Page, spec: ImageSpec): Promise<Buffer> {
  if (spec.type === 'image/gif')
    return gif(spec.width, spec.height, [spec.color, ...(spec.laterFrame ? [spec.laterFrame] : [])]);
  if (spec.type === 'image/avif') return avif(page, spec);
  if (spec.type === 'video/webm') return webm(page, spec);
  const base64 = await page.evaluate(async (s) => {
    const canvas = new OffscreenCanvas(s.width, s.height);
    const ctx = canvas.getContext('2d')!;
    const [r, g, b] = s.color;
    if (!s.transparentBorder) {
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fillRect(0, 0, s.width, s.height);
    } else {
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fillRect(s.width / 4, s.height / 4, s.width / 2, s.height / 2);
    }
    if (s.noise) {
      // Photo-like texture: gradients and soft shapes, plus fine grain, around the main colour.
      const data = ctx.getImageData(0, 0, s.width, s.height);
      let seed = 1;
      const rand = () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff - 0.5;
      };
      for (let y = 0; y < s.height; y++) {
        for (let x = 0; x < s.width; x++) {
          const i = (y * s.width + x) * 4;
          const wave = Math.sin(x / 37) * Math.cos(y / 53) * s.noise;
          for (let c = 0; c < 3; c++)
            data.data[i + c] = Math.max(0, Math.min(255, data.data[i + c]! + wave + rand() * s.noise * 0.4));
        }
      }
      ctx.putImageData(data, 0, 0);
    }
    const blob = await canvas.convertToBlob({ type: s.type ?? 'image/jpeg', quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, spec);
  return Buffer.from(base64, 'base64');
}

/**
 * A JPEG with an EXIF block carrying GPS coordinates and a camera serial: what must never reach
 * the provider. Inserted as an APP1 segment right after SOI.
 */
export function withExif(jpeg: Buffer, marker = 'PROMPTLENS-SECRET-GPS'): Buffer {
  const tiff = Buffer.alloc(64);
  tiff.write('MM', 0, 'ascii');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // one entry in IFD0
  tiff.writeUInt16BE(0x8825, 10); // GPSInfo pointer
  tiff.writeUInt16BE(4, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  tiff.writeUInt16BE(1, 26); // one GPS entry
  tiff.writeUInt16BE(1, 28); // GPSLatitudeRef
  tiff.writeUInt16BE(2, 30);
  tiff.writeUInt32BE(2, 32);
  tiff.write('N\0', 36, 'ascii');
  tiff.writeUInt32BE(0, 40);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff, Buffer.from(marker, 'ascii')]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** A JPEG whose EXIF says how to turn it for display (6: a quarter turn clockwise, as phones store portraits). */
export function withOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'ascii');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // one entry in IFD0
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

export interface ImageFacts {
  width: number;
  height: number;
  /** Average colour of the central 20 %. */
  center: [number, number, number];
  /** Alpha of the top-left pixel. */
  cornerAlpha: number;
}

/** Decode an image the way a provider would and report what it shows. */
export async function inspectImage(page: Page, dataUrl: string): Promise<ImageFacts> {
  return page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const w = Math.max(1, Math.round(bitmap.width * 0.2));
    const h = Math.max(1, Math.round(bitmap.height * 0.2));
    const data = ctx.getImageData(Math.round(bitmap.width * 0.4), Math.round(bitmap.height * 0.4), w, h).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c]! += data[i + c]!;
    const n = data.length / 4;
    const corner = ctx.getImageData(0, 0, 1, 1).data[3]!;
    return {
      width: bitmap.width,
      height: bitmap.height,
      center: sum.map((v) => Math.round(v / n)) as [number, number, number],
      cornerAlpha: corner,
    };
  }, dataUrl);
}

export function colorDistance(a: [number, number, number], b: [number, number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/**
 * A GIF of flat frames, each shown 0.5 s. LZW without compression: a clear code every 100
 * pixels keeps every code at 8 bits (minimum code size 7), which any decoder reads.
 */
export function gif(width: number, height: number, frames: Array<[number, number, number]>): Buffer {
  const u16 = (n: number) => [n & 255, n >> 8];
  const palette = Buffer.alloc(128 * 3);
  frames.forEach((c, i) => {
    palette.set(c, i * 3);
  });
  const parts: number[][] = [[...Buffer.from('GIF89a'), ...u16(width), ...u16(height), 0xf6, 0, 0], [...palette]];
  parts.push([0x21, 0xff, 11, ...Buffer.from('NETSCAPE2.0'), 3, 1, 0, 0, 0]);
  frames.forEach((_, index) => {
    const codes: number[] = [];
    for (let i = 0; i < width * height; i++) {
      if (i % 100 === 0) codes.push(128);
      codes.push(index);
    }
    codes.push(129);
    const data: number[] = [];
    for (let i = 0; i < codes.length; i += 255) {
      const block = codes.slice(i, i + 255);
      data.push(block.length, ...block);
    }
    parts.push(
      [0x21, 0xf9, 4, 0, ...u16(50), 0, 0],
      [0x2c, 0, 0, 0, 0, ...u16(width), ...u16(height), 0, 7],
      data,
      [0],
    );
  });
  parts.push([0x3b]);
  return Buffer.from(parts.flat());
}

/** An ISO-BMFF box; `full` gives it a version/flags word. */
function box(type: string, parts: Array<Buffer | number[]>, full?: { version: number; flags: number }): Buffer {
  const body = Buffer.concat([
    ...(full ? [Buffer.from([full.version, full.flags >> 16, (full.flags >> 8) & 255, full.flags & 255])] : []),
    ...parts.map((p) => Buffer.from(p)),
  ]);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8);
  head.write(type, 4, 'ascii');
  return Buffer.concat([head, body]);
}

const u32 = (n: number) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];

/**
 * An AVIF still: one flat-colour AV1 key frame from the browser's own encoder (WebCodecs),
 * wrapped in the HEIF boxes an AVIF decoder needs (ftyp, meta with hdlr/pitm/iloc/iinf/iprp, mdat).
 */
async function avif(page: Page, spec: ImageSpec): Promise<Buffer> {
  const base64 = await page.evaluate(async (s) => {
    const canvas = new OffscreenCanvas(s.width, s.height);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = `rgb(${s.color.join(',')})`;
    ctx.fillRect(0, 0, s.width, s.height);
    const chunks: Uint8Array[] = [];
    const encoder = new VideoEncoder({
      output: (chunk) => {
        const bytes = new Uint8Array(chunk.byteLength);
        chunk.copyTo(bytes);
        chunks.push(bytes);
      },
      error: (e) => {
        throw e;
      },
    });
    encoder.configure({ codec: 'av01.0.08M.08', width: s.width, height: s.height, bitrate: 4_000_000 });
    const frame = new VideoFrame(canvas, { timestamp: 0 });
    encoder.encode(frame, { keyFrame: true });
    frame.close();
    await encoder.flush();
    encoder.close();
    let binary = '';
    for (const byte of chunks[0]!) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, spec);
  const av1 = Buffer.from(base64, 'base64');
  const ftyp = box('ftyp', [Buffer.from('avif'), u32(0), Buffer.from('avifmif1miaf')]);
  const meta = (offset: number) =>
    box(
      'meta',
      [
        box('hdlr', [u32(0), Buffer.from('pict'), u32(0), u32(0), u32(0), [0]], { version: 0, flags: 0 }),
        box('pitm', [[0, 1]], { version: 0, flags: 0 }),
        box('iloc', [[0x44, 0x00, 0, 1, 0, 1, 0, 0, 0, 1], u32(offset), u32(av1.length)], { version: 0, flags: 0 }),
        box('iinf', [[0, 1], box('infe', [[0, 1, 0, 0], Buffer.from('av01'), [0]], { version: 2, flags: 0 })], {
          version: 0,
          flags: 0,
        }),
        box('iprp', [
          box('ipco', [
            box('ispe', [u32(spec.width), u32(spec.height)], { version: 0, flags: 0 }),
            // Main profile, level 4.0, 8-bit 4:2:0: what the codec string above asks for.
            box('av1C', [[0x81, 0x08, 0x0c, 0x00]]),
            box('pixi', [[3, 8, 8, 8]], { version: 0, flags: 0 }),
          ]),
          box('ipma', [u32(1), [0, 1, 3, 0x01, 0x82, 0x03]], { version: 0, flags: 0 }),
        ]),
      ],
      { version: 0, flags: 0 },
    );
  const offset = ftyp.length + meta(0).length + 8;
  return Buffer.concat([ftyp, meta(offset), box('mdat', [av1])]);
}

/** A short flat-colour WebM, recorded by the browser from a canvas. */
async function webm(page: Page, spec: ImageSpec): Promise<Buffer> {
  const base64 = await page.evaluate(async (s) => {
    const canvas = Object.assign(document.createElement('canvas'), { width: s.width, height: s.height });
    const ctx = canvas.getContext('2d')!;
    const paint = () => {
      ctx.fillStyle = `rgb(${s.color.join(',')})`;
      ctx.fillRect(0, 0, s.width, s.height);
    };
    paint();
    const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    const tick = setInterval(paint, 50);
    await new Promise((resolve) => setTimeout(resolve, 600));
    clearInterval(tick);
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, spec);
  return Buffer.from(base64, 'base64');
}

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
  type?: 'image/jpeg' | 'image/png' | 'image/webp';
  /** Pixel noise, so sizes resemble photos rather than flat fills. */
  noise?: number;
  /** Transparent margin (PNG/WebP): tests that transparency survives. */
  transparentBorder?: boolean;
}

export async function makeImage(page: Page, spec: ImageSpec): Promise<Buffer> {
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
      const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) - 0.5;
      for (let y = 0; y < s.height; y++) {
        for (let x = 0; x < s.width; x++) {
          const i = (y * s.width + x) * 4;
          const wave = Math.sin(x / 37) * Math.cos(y / 53) * s.noise;
          for (let c = 0; c < 3; c++) data.data[i + c] = Math.max(0, Math.min(255, data.data[i + c]! + wave + rand() * s.noise * 0.4));
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

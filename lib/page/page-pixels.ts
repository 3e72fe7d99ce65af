/**
 * Pixels only the page can read (blob: images, canvases, video frames, inline SVG), turned into
 * a small data URL for the background. Runs in the content script.
 */
import { blobToDataUrl } from '../image/data-url';
import { DEFAULT_LIMITS } from '../image/fit-size';
import { normalizeImage } from '../image/normalize';
import { sniffFormat } from '../image/sniff';

/** Vector art is rendered at this long edge: enough detail for any vision model. */
const SVG_RENDER_EDGE = 1024;
const MAX_DATA_URL = 8 * 1024 * 1024;

function canvasToDataUrl(draw: (ctx: CanvasRenderingContext2D) => void, width: number, height: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  draw(ctx);
  // Throws SecurityError when the pixels came from another origin: the caller falls back.
  return canvas.toDataURL('image/png');
}

export async function rasterizeSvgMarkup(markup: string, width?: number, height?: number): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const w = width || image.naturalWidth || 300;
  const h = height || image.naturalHeight || 150;
  const scale = SVG_RENDER_EDGE / Math.max(w, h);
  return canvasToDataUrl((ctx) => ctx.drawImage(image, 0, 0, w * scale, h * scale), w * scale, h * scale);
}

export function rasterizeInlineSvg(svg: SVGSVGElement): Promise<string> {
  const box = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(box.width));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(box.height));
  // Paint set by page CSS does not travel with the markup: carry the root's computed colours.
  const style = getComputedStyle(svg);
  clone.style.color = style.color;
  if (!clone.getAttribute('fill') && style.fill) clone.setAttribute('fill', style.fill);
  return rasterizeSvgMarkup(new XMLSerializer().serializeToString(clone), box.width, box.height);
}

export function canvasPixels(canvas: HTMLCanvasElement): string {
  return canvas.toDataURL('image/png');
}

export function videoFrame(video: HTMLVideoElement): string {
  return canvasToDataUrl((ctx) => ctx.drawImage(video, 0, 0), video.videoWidth, video.videoHeight);
}

/** A blob: URL can only be read by the page that made it: read it here, send it small. */
export async function readBlobUrl(url: string): Promise<string> {
  const blob = await (await fetch(url)).blob();
  const head = new Uint8Array(await blob.slice(0, 512).arrayBuffer());
  const format = sniffFormat(head);
  if (format === 'svg') return rasterizeSvgMarkup(await blob.text());
  const { blob: small } = await normalizeImage(blob, format, DEFAULT_LIMITS, MAX_DATA_URL);
  return blobToDataUrl(small);
}

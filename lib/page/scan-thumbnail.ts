/**
 * A small picture of an image that the Batch page cannot load by address (a canvas, a video
 * frame, an inline SVG, a blob: image): drawn here, in the page, at most 160 px on its long side.
 */
import type { View } from './page-view';
import { rasterizeInlineSvg } from './page-pixels';

const EDGE = 160;

function draw(source: CanvasImageSource, width: number, height: number): string | undefined {
  if (!(width > 0 && height > 0)) return undefined;
  const scale = Math.min(1, EDGE / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  canvas.getContext('2d')?.drawImage(source, 0, 0, canvas.width, canvas.height);
  // Throws on a tainted (cross-origin) canvas or video: then no thumbnail, the card says so.
  return canvas.toDataURL('image/png');
}

async function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return image;
}

export async function thumbnailOf(element: Element, view: View): Promise<string | undefined> {
  if (element instanceof view.HTMLCanvasElement) return draw(element, element.width, element.height);
  if (element instanceof view.HTMLVideoElement) return draw(element, element.videoWidth, element.videoHeight);
  if (element instanceof view.SVGSVGElement) {
    const image = await loadImage(await rasterizeInlineSvg(element));
    return draw(image, image.naturalWidth, image.naturalHeight);
  }
  if (element instanceof view.HTMLImageElement) return draw(element, element.naturalWidth, element.naturalHeight);
  // A CSS background from a blob: URL.
  const url = /url\("?(blob:[^")]+)/.exec(view.getComputedStyle(element).backgroundImage)?.[1];
  if (!url) return undefined;
  const image = await loadImage(url);
  return draw(image, image.naturalWidth, image.naturalHeight);
}

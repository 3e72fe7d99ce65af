import { browser, type Browser } from 'wxt/browser';
import type { FetchedImage } from '@/lib/image/fetch-image';
import { JobFailure } from '@/lib/errors';

/**
 * The last resort when the image's bytes cannot be had (a tainted canvas, a protected video, a
 * download the site refuses): the visible tab, cropped to the element's box.
 */
export async function captureElement(
  tab: Browser.tabs.Tab,
  rect: { x: number; y: number; width: number; height: number },
  dpr: number,
): Promise<FetchedImage> {
  const shot = await browser.tabs.captureVisibleTab(tab.windowId!, { format: 'png' });
  const bitmap = await createImageBitmap(await (await fetch(shot)).blob());
  const x = Math.max(0, Math.round(rect.x * dpr));
  const y = Math.max(0, Math.round(rect.y * dpr));
  const width = Math.min(bitmap.width - x, Math.round(rect.width * dpr));
  const height = Math.min(bitmap.height - y, Math.round(rect.height * dpr));
  if (width < 1 || height < 1) throw new JobFailure({ code: 'image-fetch', detail: 'the image is not on screen' });
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')!.drawImage(bitmap, x, y, width, height, 0, 0, width, height);
  bitmap.close();
  return { blob: await canvas.convertToBlob({ type: 'image/png' }), format: 'png' };
}

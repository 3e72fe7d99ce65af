/** The Compare page as the Recreate and Score specs drive it. */
import { expect, type Page } from '@playwright/test';
import type { FakeImageProviders } from '../../support/fake-image-providers';
import { configure, openPopup, type Extension } from './extension';
import type { FakeProvider } from './fake-provider';
import { configureImages } from './image-settings';
import { generateFrom, pageWithImage } from './scenario';
import type { TestSite } from './test-site';

/** The colour at the middle of a shown picture, read back through a canvas. */
export function centreColour(page: Page, name: string): Promise<number[]> {
  return page.getByRole('img', { name, exact: true }).evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1).data.slice(0, 3)];
  });
}

/** Recreate in the popup; the entry's Compare page opens in a tab. */
export async function recreateFromPopup(ext: Extension): Promise<Page> {
  const popup = await openPopup(ext);
  await expect(popup.getByRole('region', { name: 'Prompt' })).toContainText('fox');
  const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/compare.html?entry=') });
  await popup.getByRole('button', { name: 'Recreate', exact: true }).click();
  const compare = await opened;
  await popup.close().catch(() => undefined);
  return compare;
}

export interface RecreateSetup {
  ext: Extension;
  provider: FakeProvider;
  images: FakeImageProviders;
  site: TestSite;
  scratch: Page;
}

/**
 * Vision and image providers set up (both fakes), a prompt written for a fresh image through the
 * native menu, and Recreate pressed: answers the Compare page once the recreation shows.
 */
export async function promptAndRecreate(
  { ext, provider, images, site, scratch }: RecreateSetup,
  prompt: string,
  image: { width: number; height: number; color: [number, number, number] },
): Promise<Page> {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  await configureImages(ext, { provider: 'openai', baseUrl: images.openaiBase, apiKey: images.keys.openai });
  provider.reply({ kind: 'stream', text: prompt });
  await generateFrom(ext, await pageWithImage(site, scratch, image));
  await provider.waitForRequests(1);
  const compare = await recreateFromPopup(ext);
  await expect(compare.getByRole('img', { name: 'Recreation', exact: true })).toBeVisible({ timeout: 30_000 });
  return compare;
}

import type { Page } from '@playwright/test';
import type { Extension } from './extension';
import { chooseFromContextMenu } from './extension';
import { makeImage, type ImageSpec } from './images';
import type { TestSite } from './test-site';

let counter = 0;

/** A page on the test site showing one image (served from the other origin, with `alt`); returns its URL. */
export async function pageWithImage(
  site: TestSite,
  scratch: Page,
  spec: ImageSpec | { body: Buffer | string; type: string },
  alt = '',
): Promise<string> {
  const n = ++counter;
  const image = 'body' in spec ? spec : { body: await makeImage(scratch, spec), type: spec.type ?? 'image/jpeg' };
  site.add(`/img/${n}`, image.body, image.type);
  return site.page(
    `/page-${n}.html`,
    `<!doctype html><title>Page ${n}</title><body style="margin:20px">
    <img id="target" src="{{IMG}}/img/${n}" width="320" height="240" alt="${alt}">`,
  );
}

/** Open the page and run PromptLens's default style on its image through the native menu. */
export async function generateFrom(ext: Extension, url: string, selector = '#target'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await chooseFromContextMenu(page, selector);
  return page;
}

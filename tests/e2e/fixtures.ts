import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import { FakeImageProviders } from '../support/fake-image-providers';
import { startDisplay } from './support/display';
import { launchExtension, type Extension } from './support/extension';
import { FakeProvider } from './support/fake-provider';
import { TestSite } from './support/test-site';

interface Fixtures {
  ext: Extension;
  provider: FakeProvider;
  /** The image-generation APIs (OpenAI images, fal, A1111, OpenRouter, Gemini, xAI) for Recreate. */
  images: FakeImageProviders;
  site: TestSite;
  /** A quiet page on the test site for making and inspecting images. */
  scratch: Page;
}

export const test = base.extend<Fixtures, { display: string }>({
  // Each worker its own X display (support/display.ts), set before any browser of the worker starts.
  display: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern
    async ({}, use) => {
      const { display, stop } = await startDisplay();
      process.env.DISPLAY = display;
      await use(display);
      stop();
    },
    { scope: 'worker', auto: true },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern
  provider: async ({}, use) => {
    const provider = await new FakeProvider().start();
    await use(provider);
    await provider.stop();
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern
  images: async ({}, use) => {
    const images = await new FakeImageProviders().start();
    await use(images);
    await images.stop();
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern
  site: async ({}, use) => {
    const site = await new TestSite().start();
    await use(site);
    await site.stop();
  },
  scratch: async ({ ext, site }, use) => {
    // The settings tab opened on first install can take over a tab opened at that moment
    // ("navigation interrupted"): let it open first.
    await expect.poll(() => ext.context.pages().some((p) => p.url() === ext.url('options.html'))).toBe(true);
    const page = await ext.context.newPage();
    await page.goto(site.page('/scratch.html', '<!doctype html><title>scratch</title>'));
    await use(page);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern
  ext: async ({}, use) => {
    const ext = await launchExtension();
    // A fresh install opens the settings in a tab; let that land first, or it may take over the
    // blank tab a test has just opened (a navigation "interrupted by another navigation").
    const isOptions = (page: Page) => page.url().endsWith('/options.html');
    if (!ext.context.pages().some(isOptions)) {
      await ext.context.waitForEvent('page', { predicate: isOptions, timeout: 5000 }).catch(() => undefined);
    }
    await use(ext);
    await ext.context.close();
    fs.rmSync(ext.userDataDir, { recursive: true, force: true });
  },
});

export { expect };

/**
 * The image is fetched and scaled while the menu is open (prepared-images.ts): the click then
 * uses it, and a menu closed without choosing PromptLens sends nothing and leaves no job.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure, type Extension } from './support/extension';
import { jobRecords } from './support/job-records';
import { colorDistance, inspectImage, makeImage } from './support/images';
import type { TestSite } from './support/test-site';

const RED: [number, number, number] = [200, 40, 40];
const BLUE: [number, number, number] = [40, 60, 200];

const downloads = (site: TestSite, path: string) => site.hits.filter((hit) => hit === path).length;

async function gallery(site: TestSite, scratch: Page, ext: Extension): Promise<Page> {
  site.add(
    '/img/red.jpg',
    await makeImage(scratch, { width: 1600, height: 1200, color: RED, noise: 20 }),
    'image/jpeg',
  );
  site.add(
    '/img/blue.jpg',
    await makeImage(scratch, { width: 1600, height: 1200, color: BLUE, noise: 20 }),
    'image/jpeg',
  );
  const url = site.page(
    '/two.html',
    `<!doctype html><title>Two</title>
    <img id="red" src="{{IMG}}/img/red.jpg" width="400" height="300"><br>
    <img id="blue" src="{{IMG}}/img/blue.jpg" width="400" height="300">`,
  );
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  return page;
}

/** Nothing at the provider and no job, after the worker has had time to do anything it would. */
async function expectNothingSent(ext: Extension, provider: { requests: unknown[] }, page: Page): Promise<void> {
  await page.waitForTimeout(1500);
  expect(provider.requests).toHaveLength(0);
  const extensionPage = await ext.context.newPage();
  await extensionPage.goto(ext.url('popup.html'));
  expect(await jobRecords(extensionPage)).toEqual([]);
  await extensionPage.close();
}

test.beforeEach(async ({ ext, provider }) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
});

test('the image downloaded while the menu was open is the one sent: one download for right-click and choice', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  const page = await gallery(site, scratch, ext);
  const pageLoads = downloads(site, '/img/red.jpg');
  await chooseFromContextMenu(page, '#red', ['Up', 'Up', 'Right']);
  // Prepared before any choice: the worker has fetched it while the menu is open.
  await expect.poll(() => downloads(site, '/img/red.jpg')).toBe(pageLoads + 1);
  execFileSync('xdotool', ['key', 'Return']);
  const [request] = await provider.waitForRequests(1);
  expect(colorDistance((await inspectImage(scratch, request!.image!.dataUrl)).center, RED)).toBeLessThan(40);
  expect(downloads(site, '/img/red.jpg')).toBe(pageLoads + 1);
});

test(
  'Escape after the right-click: the image may be fetched, ' + 'but nothing reaches the provider and no job is left',
  async ({ ext, provider, site, scratch }) => {
    const page = await gallery(site, scratch, ext);
    await chooseFromContextMenu(page, '#red', ['Escape']);
    await expectNothingSent(ext, provider, page);
  },
);

test('another choice in the menu than PromptLens sends nothing and leaves no job', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  const page = await gallery(site, scratch, ext);
  // The browser's own entry above PromptLens's.
  await chooseFromContextMenu(page, '#red', ['Up', 'Up', 'Up', 'Return']);
  await expectNothingSent(ext, provider, page);
});

test('a right-click on another image: only the image finally chosen is sent, once', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  const page = await gallery(site, scratch, ext);
  const pageLoads = downloads(site, '/img/blue.jpg');
  await chooseFromContextMenu(page, '#red', ['Escape']);
  await chooseFromContextMenu(page, '#blue');
  const [request] = await provider.waitForRequests(1);
  expect(colorDistance((await inspectImage(scratch, request!.image!.dataUrl)).center, BLUE)).toBeLessThan(40);
  await page.waitForTimeout(1500);
  expect(provider.requests).toHaveLength(1);
  expect(downloads(site, '/img/blue.jpg')).toBe(pageLoads + 1);
  const extensionPage = await ext.context.newPage();
  await extensionPage.goto(ext.url('popup.html'));
  await expect.poll(async () => (await jobRecords(extensionPage)).map((job) => job.status)).toEqual(['done']);
});

test('with “Prepare the image when the menu opens” off, nothing is downloaded before the choice', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  const setting = options.getByLabel('Prepare the image when the menu opens');
  await expect(setting).toBeChecked();
  await setting.uncheck();
  await expect
    .poll(() =>
      ext
        .worker()
        .then((w) =>
          w.evaluate(
            async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings.prepareOnMenu,
          ),
        ),
    )
    .toBe(false);
  await options.close();
  const page = await gallery(site, scratch, ext);
  const pageLoads = downloads(site, '/img/red.jpg');
  await chooseFromContextMenu(page, '#red', ['Escape']);
  await page.waitForTimeout(1500);
  expect(downloads(site, '/img/red.jpg')).toBe(pageLoads);
  await expectNothingSent(ext, provider, page);
});

import fs from 'node:fs';
import { test, expect } from './fixtures';
import { centreColour, recreateFromPopup } from './support/compare-page';
import { configure, launchExtension, openPopup } from './support/extension';
import { configureImages } from './support/image-settings';
import { generateFrom, pageWithImage } from './support/scenario';

test(
  'Recreate: right-click → prompt → Recreate → the Compare page shows both pictures, the recreation is the ' +
    'provider’s, and it is still there after a browser restart',
  async ({ provider, images, site }) => {
    test.setTimeout(120_000);
    let ext = await launchExtension();
    const userDataDir = ext.userDataDir;
    try {
      const scratch = await ext.context.newPage();
      await scratch.goto(site.page('/scratch.html', '<!doctype html><title>scratch</title>'));
      await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
      await configureImages(ext, { provider: 'openai', baseUrl: images.openaiBase, apiKey: images.keys.openai });
      provider.reply({ kind: 'stream', text: 'A red fox in fresh snow, soft morning light' });
      await generateFrom(ext, await pageWithImage(site, scratch, { width: 480, height: 320, color: [30, 160, 60] }));
      await provider.waitForRequests(1);

      const compare = await recreateFromPopup(ext);
      await expect(compare.getByRole('img', { name: 'Recreation', exact: true })).toBeVisible({ timeout: 30_000 });
      await expect(compare.getByRole('img', { name: 'Original', exact: true })).toBeVisible();
      expect(await centreColour(compare, 'Recreation')).toEqual(images.color);
      const original = await centreColour(compare, 'Original');
      expect(Math.abs(original[1]! - 160)).toBeLessThan(12);
      // Only the prompt's text went to the image provider, in the shape OpenAI's spec allows, and the original's shape.
      const sent = images.requests.filter((r) => r.route === 'openai');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.violations).toEqual([]);
      expect(sent[0]!.body).toMatchObject({ prompt: 'A red fox in fresh snow, soft morning light', size: '1536x1024' });
      await expect(compare.getByRole('region', { name: /Prompt sent/ })).toContainText('gpt-image-1-mini · 1536x1024');
      await expect(compare.getByRole('link', { name: 'Download' })).toHaveAttribute(
        'download',
        /^promptlens-recreation-gpt-image-1-mini-\d{8}-\d{6}\.png$/,
      );

      // Overlay with its slider and zoom, from the keyboard.
      await compare.getByRole('button', { name: 'Overlay' }).click();
      const reveal = compare.getByRole('slider', { name: 'Reveal' });
      await reveal.focus();
      await compare.keyboard.press('End');
      await expect(reveal).toHaveValue('100');
      await compare.getByRole('button', { name: 'Side by side' }).click();

      // One tab per entry: Recreate again from the popup focuses the same tab.
      images.color = [20, 90, 220];
      const again = await openPopup(ext);
      await again.getByRole('button', { name: 'Recreate', exact: true }).click();
      await expect.poll(() => centreColour(compare, 'Recreation').catch(() => [])).toEqual([20, 90, 220]);
      expect(ext.context.pages().filter((p) => p.url().includes('/compare.html'))).toHaveLength(1);
      await expect(compare.locator('.generations li')).toHaveCount(2);
      const entryUrl = compare.url();

      // The history row shows the recreation's thumbnail.
      await again.reload();
      await expect(again.locator('.history-row .recreation-thumb').first()).toBeVisible();
      await ext.context.close();

      ext = await launchExtension({ userDataDir });
      const reopened = await ext.context.newPage();
      await reopened.goto(entryUrl);
      expect(await centreColour(reopened, 'Recreation')).toEqual([20, 90, 220]);
      await expect(reopened.locator('.generations li')).toHaveCount(2);
    } finally {
      await ext.context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
  },
);

test('Recreate faults: each names its cause and next step, and nothing is lost', async ({
  ext,
  provider,
  images,
  site,
  scratch,
}) => {
  test.setTimeout(120_000);
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  provider.reply({ kind: 'stream', text: 'A red fox on a frozen lake' });
  await generateFrom(ext, await pageWithImage(site, scratch, { width: 400, height: 400, color: [200, 40, 30] }));
  await provider.waitForRequests(1);

  // No image provider set up: the message, and a button to the settings' section.
  const compare = await recreateFromPopup(ext);
  const alert = compare.getByRole('alert');
  await expect(alert).toContainText(
    'No image provider is set up. Choose one under “Image generation” in the settings.',
  );
  const settingsOpened = ext.context.waitForEvent('page', {
    predicate: (p) => p.url().includes('/options.html#image-generation'),
  });
  await alert.getByRole('button', { name: 'Open settings' }).click();
  const options = await settingsOpened;
  await expect(options.getByRole('combobox', { name: 'Image provider' })).toBeFocused();
  await options.close();
  expect(images.requests).toHaveLength(0);

  const recreate = () => compare.getByRole('button', { name: 'Recreate', exact: true }).click();
  const cases: Array<{ setup: () => Promise<void>; message: string; button?: string }> = [
    {
      setup: async () => {
        await configureImages(ext, { provider: 'openai', baseUrl: images.openaiBase, apiKey: 'sk-wrong' });
        images.faults = {};
      },
      message: 'The image provider did not accept the API key (401). Check the key in the settings.',
      button: 'Open settings',
    },
    {
      setup: async () => {
        await configureImages(ext, { provider: 'openai', baseUrl: images.openaiBase, apiKey: images.keys.openai });
        images.faults = { moderation: true };
      },
      message: 'The image provider refused this prompt under its content policy.',
    },
    {
      setup: async () => {
        await configureImages(ext, {
          provider: 'openai',
          baseUrl: images.openaiBase,
          apiKey: images.keys.openai,
          timeoutSeconds: 1,
        });
        images.faults = { slowMs: 4000 };
      },
      message: 'The image took too long. Try again, or allow more time in the settings.',
      button: 'Retry',
    },
    {
      setup: async () => {
        await configureImages(ext, { provider: 'a1111', baseUrl: images.a1111Base });
        images.faults = { noApi: true };
      },
      message: 'The local server has no API. Restart it with --api.',
      button: 'Retry',
    },
  ];
  for (const c of cases) {
    await c.setup();
    await recreate();
    await expect(alert).toContainText(c.message, { timeout: 20_000 });
    if (c.button) await expect(alert.getByRole('button', { name: c.button })).toBeVisible();
  }
  // Every attempt is kept with the entry, and the prompt itself is untouched.
  await expect(compare.locator('.generations li')).toHaveCount(5);
  const popup = await openPopup(ext);
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText('A red fox on a frozen lake');
});

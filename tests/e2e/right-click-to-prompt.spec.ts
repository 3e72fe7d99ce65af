import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure, openPopup } from './support/extension';
import { colorDistance, inspectImage, makeImage, withExif } from './support/images';

test('right-clicking an image streams its prompt into the popup, ready to copy', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  const red: [number, number, number] = [200, 40, 40];
  const photo = withExif(await makeImage(scratch, { width: 1600, height: 1200, color: red, noise: 30 }));
  site.add('/img/photo.jpg', photo, 'image/jpeg');
  const pageUrl = site.page(
    '/gallery.html',
    `<!doctype html><title>Gallery</title>
    <h1>Gallery</h1><img id="photo" src="{{IMG}}/img/photo.jpg" width="400" height="300" alt="a photo">`,
  );
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  provider.reply({
    kind: 'stream',
    text: 'A crimson study in grain and light, soft gradients, film texture.',
    pieces: 6,
    delayMs: 60,
  });

  const page = await ext.context.newPage();
  await page.goto(pageUrl);
  await chooseFromContextMenu(page, '#photo');

  const [request] = await provider.waitForRequests(1);
  expect(request!.violations).toEqual([]);
  expect(request!.body.stream).toBe(true);
  expect(request!.body.max_completion_tokens).toBeGreaterThan(0);
  expect(request!.body.max_tokens).toBeUndefined();
  expect(request!.headers.authorization).toBe(`Bearer ${provider.apiKey}`);
  expect(Object.keys(request!.headers).filter((h) => h.startsWith('x-stainless'))).toEqual([]);

  // The image that arrived is the one right-clicked: its colour and shape, downscaled, no EXIF.
  const image = request!.image!;
  expect(image.mime).toBe('image/jpeg');
  expect(image.bytes.includes('Exif')).toBe(false);
  expect(image.bytes.includes('PROMPTLENS-SECRET-GPS')).toBe(false);
  const facts = await inspectImage(scratch, image.dataUrl);
  expect([facts.width, facts.height]).toEqual([1024, 768]);
  expect(colorDistance(facts.center, red)).toBeLessThan(40);

  const popup = await openPopup(ext);
  const prompt = popup.getByRole('region', { name: 'Prompt' });
  await expect(prompt).toHaveText('A crimson study in grain and light, soft gradients, film texture.');
  await expect(popup.getByText('1600 × 1200 px')).toBeVisible();

  await popup.getByRole('button', { name: 'Copy' }).click();
  await expect(popup.getByText('Copied')).toBeVisible();
  // Pasted into the next tool the user opens, as they would.
  await scratch.setContent('<textarea aria-label="paste here"></textarea>');
  await scratch.bringToFront();
  await scratch.getByLabel('paste here').focus();
  await scratch.keyboard.press('Control+V');
  await expect(scratch.getByLabel('paste here')).toHaveValue(
    'A crimson study in grain and light, soft gradients, film texture.',
  );
  await expect(popup.getByRole('heading', { name: 'History' })).toBeVisible();
});

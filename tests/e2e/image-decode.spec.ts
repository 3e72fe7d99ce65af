import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure, openPopup } from './support/extension';
import { colorDistance, inspectImage, makeImage, withOrientation } from './support/images';

test('a 12 MP photo is sent at the provider’s size in its colours, and a sideways-stored one (EXIF 6) upright', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  const green: [number, number, number] = [40, 170, 60];
  const photo = await makeImage(scratch, { width: 4000, height: 3000, color: green, noise: 40 });
  site.add('/img/big.jpg', photo, 'image/jpeg');
  const blue: [number, number, number] = [40, 70, 190];
  site.add(
    '/img/big2.jpg',
    await makeImage(scratch, { width: 4000, height: 3000, color: blue, noise: 40 }),
    'image/jpeg',
  );
  const sideways = withOrientation(await makeImage(scratch, { width: 1600, height: 1200, color: green }), 6);
  site.add('/img/sideways.jpg', sideways, 'image/jpeg');
  const pageUrl = site.page(
    '/photos.html',
    `<!doctype html><title>Photos</title>
    <img id="big" src="{{IMG}}/img/big.jpg" width="400" height="300" alt="big">
    <img id="big2" src="{{IMG}}/img/big2.jpg" width="400" height="300" alt="big too">
    <img id="sideways" src="{{IMG}}/img/sideways.jpg" width="300" height="400" alt="sideways">`,
  );
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  const page = await ext.context.newPage();
  await page.goto(pageUrl);

  await chooseFromContextMenu(page, '#big');
  const [big] = await provider.waitForRequests(1);
  const facts = await inspectImage(scratch, big!.image!.dataUrl);
  expect([facts.width, facts.height]).toEqual([1024, 768]);
  expect(colorDistance(facts.center, green)).toBeLessThan(40);
  const popup = await openPopup(ext);
  await expect(popup.getByText('4000 × 3000 px')).toBeVisible();
  await popup.close();

  // The second one within the minute: Chrome's offscreen document, started by the first, decodes
  // it at reduced size (the worker has no ImageDecoder); the picture is the same.
  await chooseFromContextMenu(page, '#big2');
  const second = await inspectImage(scratch, (await provider.waitForRequests(2))[1]!.image!.dataUrl);
  expect([second.width, second.height]).toEqual([1024, 768]);
  expect(colorDistance(second.center, blue)).toBeLessThan(40);
  const worker = await ext.worker();
  const documents = await worker.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    return (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length;
  });
  expect(documents).toBe(1);

  await chooseFromContextMenu(page, '#sideways');
  const requests = await provider.waitForRequests(3);
  const upright = await inspectImage(scratch, requests[2]!.image!.dataUrl);
  expect([upright.width, upright.height]).toEqual([768, 1024]);
  expect(colorDistance(upright.center, green)).toBeLessThan(40);
});

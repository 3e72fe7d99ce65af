import { test, expect } from './fixtures';
import { chooseFromContextMenu, configure, openPopup } from './support/extension';
import { generateFrom, pageWithImage } from './support/scenario';

const WIDE = { width: 1600, height: 900, color: [20, 90, 160] as [number, number, number] };

test('Midjourney as default style: a 1600×900 image gives a prompt ending in --ar 16:9', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await configure(ext, {
    baseUrl: provider.baseUrl,
    model: 'gpt-5.4-mini',
    apiKey: provider.apiKey,
    defaultStyle: 'midjourney',
  });
  provider.reply({
    kind: 'stream',
    text: 'Here is your prompt: misty harbor at dawn, fishing boats, soft pastel light, 35mm film --ar 4:3.',
  });
  await generateFrom(ext, await pageWithImage(site, scratch, WIDE));
  const popup = await openPopup(ext);
  const prompt = popup.getByRole('region', { name: 'Prompt' });
  await expect(prompt).toHaveText('misty harbor at dawn, fishing boats, soft pastel light, 35mm film --ar 16:9');
  const [request] = provider.requests;
  expect(request!.violations).toEqual([]);
  expect(request!.body.messages[0].content).toContain('Midjourney prompt');
});

test('Stable Diffusion shows a "Negative prompt:" line; JSON shows valid JSON (structured outputs)', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await configure(ext, {
    baseUrl: provider.baseUrl,
    model: 'gpt-5.4-mini',
    apiKey: provider.apiKey,
    defaultStyle: 'stable-diffusion',
  });
  provider.reply({
    kind: 'stream',
    text: 'masterpiece, (harbor at dawn:1.2), fishing boats, mist\nNegative: blurry, lowres',
  });
  const url = await pageWithImage(site, scratch, WIDE);
  await generateFrom(ext, url);
  const popup = await openPopup(ext);
  const prompt = popup.getByRole('region', { name: 'Prompt' });
  await expect(prompt).toHaveText(
    'masterpiece, (harbor at dawn:1.2), fishing boats, mist\nNegative prompt: blurry, lowres',
  );

  const json = {
    subject: 'fishing harbor',
    medium: 'photograph',
    style: 'documentary',
    composition: 'wide',
    lighting: 'dawn',
    colors: 'blue, grey',
    camera: '35mm',
    mood: 'calm',
    details: 'mist',
    negative: 'blur',
  };
  provider.reply({ kind: 'stream', text: JSON.stringify(json) });
  await popup.getByLabel('Regenerate as').selectOption({ label: 'JSON' });
  await popup.getByRole('button', { name: 'Regenerate' }).click();
  await expect(popup.getByRole('heading', { name: 'JSON · Standard' })).toBeVisible();
  await expect(prompt).toContainText('"subject": "fishing harbor"');
  expect(JSON.parse((await prompt.textContent())!)).toEqual(json);
  const request = provider.requests.at(-1)!;
  expect(request.violations).toEqual([]);
  expect(request.body.response_format?.type).toBe('json_schema');
});

test('Regenerate as another style and detail from the popup: no new page fetch, results of one image together', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  provider.reply({ kind: 'stream', text: 'A misty harbor at dawn with fishing boats.' });
  await generateFrom(ext, await pageWithImage(site, scratch, WIDE));
  const popup = await openPopup(ext);
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText('A misty harbor at dawn with fishing boats.');
  const imageHits = site.hits.filter((p) => p.startsWith('/img/')).length;

  provider.reply({ kind: 'stream', text: 'harbor, boats, mist' });
  await popup.getByLabel('Regenerate as').selectOption({ label: 'Midjourney' });
  await popup.getByLabel('Detail').selectOption({ label: 'Short' });
  await popup.getByRole('button', { name: 'Regenerate' }).click();
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText('harbor, boats, mist --ar 16:9');
  await expect(popup.getByRole('heading', { name: 'Midjourney · Short' })).toBeVisible();

  // Both prompts of this image sit together; the first is one click away.
  const versions = popup.getByRole('navigation', { name: 'Prompts for this image' });
  await expect(versions.getByRole('button')).toHaveText(['Natural language · Standard', 'Midjourney · Short']);
  await versions.getByRole('button', { name: 'Natural language · Standard' }).click();
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText('A misty harbor at dawn with fishing boats.');
  // History keeps one row for the image.
  await expect(popup.locator('.history-item')).toHaveCount(1);

  expect(site.hits.filter((p) => p.startsWith('/img/')).length).toBe(imageHits);
  expect(provider.requests).toHaveLength(2);
  expect(provider.requests[1]!.image!.bytes.equals(provider.requests[0]!.image!.bytes)).toBe(true);
  expect(provider.requests[1]!.body.messages[0].content).toContain('About 10 phrases');
});

test('a custom template from the options appears in the context menu and writes with its own instruction', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.getByRole('button', { name: 'Add template' }).click();
  await options.getByLabel('Name').fill('Anime tags');
  await options.getByLabel('Instruction').fill('List anime-style tags for this {aspect_ratio} picture in {language}.');
  await expect(options.getByRole('status').first()).toHaveText('Saved');

  provider.reply({ kind: 'stream', text: '1girl, cherry blossoms, wind' });
  const page = await ext.context.newPage();
  await page.goto(await pageWithImage(site, scratch, WIDE));
  // Submenu: 8 styles, a separator (skipped by the keyboard), then the template.
  await chooseFromContextMenu(page, '#target', ['Up', 'Up', 'Right', ...Array(8).fill('Down'), 'Return']);
  const [request] = await provider.waitForRequests(1);
  expect(request!.body.messages[0].content).toMatch(
    /^List anime-style tags for this 16:9 picture in English\. Reply with the prompt only/,
  );
  const popup = await openPopup(ext);
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText('1girl, cherry blossoms, wind');
  await expect(popup.getByRole('heading', { name: 'Anime tags · Standard' })).toBeVisible();
});

test('a refusal is shown as a refusal, not as a prompt to copy', async ({ ext, provider, site, scratch }) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  provider.reply({ kind: 'stream', text: "I'm sorry, but I can't help with describing this image." });
  await generateFrom(ext, await pageWithImage(site, scratch, WIDE));
  const popup = await openPopup(ext);
  await expect(popup.locator('.refusal strong')).toHaveText('The model declined to describe this image.');
  await expect(popup.getByRole('blockquote')).toHaveText("I'm sorry, but I can't help with describing this image.");
  await expect(popup.locator('.history-preview')).toHaveText('The model declined to describe this image.');
  await expect(popup.getByRole('button', { name: 'Copy' })).toHaveCount(0);
});

import { test, expect } from './fixtures';
import { configure, openPopup } from './support/extension';
import {
  installLanguageModelDouble,
  type LanguageModelDoubleConfig,
  type LanguageModelDoubleLog,
} from './support/language-model-double';
import { optionsWith } from './support/on-device-options';
import { generateFrom, pageWithImage } from './support/scenario';

const ON_DEVICE = { provider: 'on-device', baseUrl: '', model: 'gemini-nano' };

test(
  'on-device: the double streams a prompt through the native menu, in ' +
    'English for a French user, with no consent notice',
  async ({ ext, site, scratch }) => {
    // No key, no address, and no privacy OK on record: nothing leaves the device, so none is asked.
    await configure(ext, { ...ON_DEVICE, consent: false });
    const options = await optionsWith(ext, { availability: 'available' });
    await expect(options.getByRole('status').filter({ hasText: 'Ready.' })).toBeVisible();
    // Neither a key nor an address to fill in.
    await expect(options.getByLabel('API key', { exact: true })).toHaveCount(0);
    await expect(options.getByLabel('Base URL', { exact: true })).toHaveCount(0);
    await expect(options.getByText('prompts in other languages are written in English')).toHaveCount(0);
    await options.getByLabel('Prompt language').selectOption({ label: 'Français' });
    await expect(options.getByText('prompts in other languages are written in English')).toBeVisible();

    const worker = await ext.worker();
    const nano: LanguageModelDoubleConfig = {
      availability: 'available',
      chunks: ['A quiet harbour at dawn, ', 'fishing boats, ', 'soft mist.'],
      chunkDelayMs: 100,
      holdLast: true,
    };
    // The job runs in the service worker, where Chrome exposes LanguageModel: the double goes there.
    await worker.evaluate(installLanguageModelDouble as (config: LanguageModelDoubleConfig) => unknown, nano);
    const url = await pageWithImage(site, scratch, { width: 1600, height: 1200, color: [30, 90, 160] });
    await generateFrom(ext, url);

    const popup = await openPopup(ext);
    const prompt = popup.getByRole('region', { name: 'Prompt' });
    // Streaming: what has arrived shows before the answer is complete (the double holds its last piece).
    await expect(prompt).toHaveText('A quiet harbour at dawn, fishing boats,');
    await expect(popup.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await worker.evaluate(() => (globalThis as any).LanguageModel.release());
    await expect(prompt).toHaveText('A quiet harbour at dawn, fishing boats, soft mist.');
    await expect(popup.getByRole('button', { name: 'Copy' })).toBeVisible();

    const log = await worker.evaluate(() => (globalThis as any).LanguageModel.log as LanguageModelDoubleLog[]);
    const create = log.find((l) => l.method === 'create')!.detail as any;
    // French is not among Nano's output languages: English, as the settings page says.
    expect(create.expectedOutputs).toEqual([{ type: 'text', languages: ['en'] }]);
    expect(create.initialPrompts[0].content).toContain('English');
    expect(create.initialPrompts[0].content).not.toContain('French');
    const [message] = log.find((l) => l.method === 'promptStreaming')!.detail as any[];
    const picture = message.content.find((c: { type: string }) => c.type === 'image');
    expect(picture.blobType).toMatch(/^image\//);
    expect(picture.size).toBeGreaterThan(1000);
    expect(log.at(-1)?.method).toBe('destroy');

    const privacy = await ext.context.newPage();
    await privacy.goto(ext.url('privacy.html'));
    await expect(privacy.getByText('Your prompts are currently written on this device by Gemini Nano')).toBeVisible();
  },
);

test('on-device: the settings show each availability state, and Download model runs with progress to ready', async ({
  ext,
}) => {
  await configure(ext, ON_DEVICE);

  const unavailable = await optionsWith(ext, { availability: 'unavailable' });
  await expect(unavailable.getByText('Not available on this device.')).toBeVisible();
  await expect(unavailable.getByRole('button', { name: 'Download model' })).toHaveCount(0);

  const downloading = await optionsWith(ext, { availability: 'downloading' });
  await expect(downloading.getByRole('status').filter({ hasText: 'Downloading the model…' })).toBeVisible();

  const page = await optionsWith(ext, {
    availability: 'downloadable',
    downloadSteps: [0.3, 0.6],
    downloadStepMs: 700,
    needsActivation: true,
  });
  await expect(page.getByText('The model is not on this device yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Download model' }).click();
  const bar = page.getByRole('progressbar', { name: 'Downloading the model…' });
  await expect(bar).toHaveAttribute('value', '0.3');
  await expect(bar).toHaveAttribute('value', '0.6');
  await expect(page.getByRole('status').filter({ hasText: 'Ready.' })).toBeVisible();
  await expect(bar).toHaveCount(0);
  // The double refuses a download without a user gesture, as Chrome does: the click was one.
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('on-device: not offered where the browser has no Prompt API', async ({ ext }) => {
  const page = await optionsWith(ext, 'absent');
  await expect(page.getByLabel('Provider', { exact: true })).toBeVisible();
  const choices = await page.getByLabel('Provider', { exact: true }).locator('option').allTextContents();
  expect(choices).toContain('OpenAI');
  expect(choices).not.toContain('On-device (Gemini Nano)');
});

test('on-device: real Chromium without the model says "not available on this device" instead of failing', async ({
  ext,
  site,
  scratch,
}) => {
  await configure(ext, ON_DEVICE);
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await expect(options.getByLabel('Provider', { exact: true })).toBeVisible();
  // Chromium here has the API (so the provider is offered) but no model for this hardware: the
  // answer below is the real API's, in the page and in the worker that runs the prompt.
  const realAnswer = () =>
    'LanguageModel' in self
      ? (self as any).LanguageModel.availability({
          expectedInputs: [{ type: 'text' }, { type: 'image' }],
          expectedOutputs: [{ type: 'text', languages: ['en'] }],
        })
      : 'absent';
  expect(await options.evaluate(realAnswer)).toBe('unavailable');
  expect(await (await ext.worker()).evaluate(realAnswer)).toBe('unavailable');
  const choices = await options.getByLabel('Provider', { exact: true }).locator('option').allTextContents();
  expect(choices).toContain('On-device (Gemini Nano)');
  await expect(options.getByText('Not available on this device.')).toBeVisible();

  const url = await pageWithImage(site, scratch, { width: 800, height: 600, color: [200, 200, 40] });
  await generateFrom(ext, url);
  const popup = await openPopup(ext);
  await expect(
    popup.getByRole('strong').filter({ hasText: 'Gemini Nano is not available on this device.' }),
  ).toBeVisible();
  await expect(popup.getByText('Choose another provider in the settings.')).toBeVisible();
});

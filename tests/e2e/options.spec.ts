import { test, expect } from './fixtures';
import { generateFrom, pageWithImage } from './support/scenario';
import { openPopup } from './support/extension';

test('the options page opens on first install', async ({ ext }) => {
  await expect.poll(() => ext.context.pages().some((p) => p.url() === ext.url('options.html'))).toBe(true);
});

test('configuring through the options page: presets, saved on change, Test connection, then a prompt', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  const options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));

  // Presets fill base URL and model; the model stays free text.
  const providerSelect = options.getByLabel('Provider', { exact: true });
  await providerSelect.selectOption({ label: 'Ollama (local)' });
  await expect(options.getByLabel('Base URL', { exact: true })).toHaveValue('http://localhost:11434/v1');
  await expect(options.getByLabel('Model', { exact: true })).toHaveValue('gemma3');
  await expect(options.getByText('OLLAMA_ORIGINS')).toBeVisible();
  await providerSelect.selectOption({ label: 'Google Gemini' });
  await expect(options.getByLabel('Base URL', { exact: true })).toHaveValue(
    'https://generativelanguage.googleapis.com/v1beta/openai',
  );
  await expect(providerSelect.locator('option', { hasText: 'Custom (OpenAI-compatible)' })).toHaveCount(1);

  await providerSelect.selectOption({ label: 'Custom (OpenAI-compatible)' });
  await options.getByLabel('Base URL', { exact: true }).fill(provider.baseUrl);
  await options.getByLabel('API key', { exact: true }).fill('sk-wrong');
  await options.getByLabel('Model', { exact: true }).fill('vision-test');
  await options.getByLabel('Default style').selectOption({ label: 'Midjourney' });
  await expect(options.getByLabel('Default style').locator('option')).toHaveText([
    'Natural language',
    'Midjourney',
    'Stable Diffusion',
    'Flux',
    'DALL·E',
    'JSON',
    'Alt text',
    'Long description',
  ]);

  // A wrong key: Test connection says so plainly.
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('alert')).toContainText('did not accept the API key (HTTP 401)');

  await options.getByLabel('API key', { exact: true }).fill(provider.apiKey);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByText(/Connected: vision-test answered in \d+ ms\./)).toBeVisible();
  const probe = provider.requests.at(-1)!;
  expect(probe.violations).toEqual([]);
  expect(probe.image?.mime).toBe('image/png');

  // Saved: a reload shows the same, and the next right-click uses it.
  await options.reload();
  await expect(options.getByLabel('Provider', { exact: true })).toHaveValue('custom');
  await expect(options.getByLabel('Base URL', { exact: true })).toHaveValue(provider.baseUrl);
  await expect(options.getByLabel('Model', { exact: true })).toHaveValue('vision-test');
  await expect(options.getByLabel('API key', { exact: true })).toHaveAttribute('type', 'password');

  await generateFrom(ext, await pageWithImage(site, scratch, { width: 640, height: 480, color: [10, 200, 120] }));
  const popup = await openPopup(ext);
  // The first image to this server: the one-time privacy notice, naming it by its address.
  await popup.getByRole('button', { name: `Send to ${new URL(provider.baseUrl).host}` }).click();
  await expect(popup.getByRole('region', { name: 'Prompt' })).not.toBeEmpty();
  await expect(popup.getByRole('heading', { name: 'Midjourney', level: 2 })).toBeVisible();
  const request = provider.requests.at(-1)!;
  expect(request.body.model).toBe('vision-test');
  expect(request.violations).toEqual([]);
});

test('the popup before any setup: says to choose a provider, and leads there', async ({ ext }) => {
  const popup = await openPopup(ext);
  await expect(popup.getByRole('heading', { name: 'Choose a provider first' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Open settings' })).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'History' })).toBeVisible();
});

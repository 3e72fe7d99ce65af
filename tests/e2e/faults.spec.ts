import { test, expect } from './fixtures';
import { configure, openPopup } from './support/extension';
import type { Reply } from './support/fake-provider';
import type { ImageSpec } from './support/images';
import { generateFrom, pageWithImage } from './support/scenario';

const PHOTO = { width: 800, height: 600, color: [90, 140, 200] as [number, number, number] };

interface Fault {
  name: string;
  replies?: Reply[];
  config?: { model?: string; apiKey?: string; baseUrl?: string; provider?: string; timeoutSeconds?: number };
  image?: { body: Buffer | string; type: string } | ImageSpec | 'missing';
  title: string | RegExp;
  hint: string | RegExp;
  settingsButton: boolean;
}

const faults: Fault[] = [
  {
    name: 'no API key',
    config: { apiKey: '' },
    title: 'No API key for OpenAI.',
    hint: 'paste your OpenAI API key',
    settingsButton: true,
  },
  {
    name: '401 bad key',
    config: { apiKey: 'sk-wrong' },
    title: 'OpenAI did not accept the API key (HTTP 401).',
    hint: 'paste a valid key',
    settingsButton: true,
  },
  {
    name: '403 forbidden',
    replies: [{ kind: 'error', status: 403 }],
    title: 'OpenAI refused access (HTTP 403).',
    hint: 'billing',
    settingsButton: true,
  },
  {
    name: '403 from a local server',
    config: { provider: 'ollama', apiKey: '' },
    replies: [{ kind: 'error', status: 403, body: { error: 'forbidden' } }],
    title: 'Ollama refused access (HTTP 403).',
    hint: 'OLLAMA_ORIGINS',
    settingsButton: true,
  },
  {
    name: '404 unknown model',
    config: { model: 'no-such-model' },
    title: 'OpenAI does not know the model “no-such-model” (HTTP 404).',
    hint: 'check the model name',
    settingsButton: true,
  },
  {
    name: '413 too large',
    replies: [{ kind: 'error', status: 413 }],
    title: 'The image is too large for OpenAI.',
    hint: 'smaller image',
    settingsButton: false,
  },
  {
    name: '400 with the provider’s message',
    replies: [{ kind: 'error', status: 400 }],
    title: 'OpenAI rejected the request (HTTP 400).',
    hint: /image_url is only supported by certain models/,
    settingsButton: false,
  },
  {
    name: '429 three times: retried with Retry-After, then a message',
    replies: [1, 2, 3].map(() => ({ kind: 'error', status: 429, headers: { 'retry-after': '1' } }) as Reply),
    title: 'OpenAI is rate-limiting requests (HTTP 429).',
    hint: 'asks to wait 1 s',
    settingsButton: false,
  },
  {
    name: '503 three times',
    replies: [1, 2, 3].map(() => ({ kind: 'error', status: 503, headers: { 'retry-after': '0' } }) as Reply),
    title: 'OpenAI had a server error (HTTP 503).',
    hint: 'temporary',
    settingsButton: false,
  },
  {
    name: '500 three times',
    replies: [1, 2, 3].map(() => ({ kind: 'error', status: 500, headers: { 'retry-after': '0' } }) as Reply),
    title: 'OpenAI had a server error (HTTP 500).',
    hint: 'temporary',
    settingsButton: false,
  },
  {
    name: '502 from a proxy, an HTML page three times',
    replies: [1, 2, 3].map(
      () =>
        ({
          kind: 'raw',
          status: 502,
          contentType: 'text/html',
          body: '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
        }) as Reply,
    ),
    title: 'OpenAI had a server error (HTTP 502).',
    hint: 'temporary',
    settingsButton: false,
  },
  {
    name: 'a 200 whose body is not JSON (a login page)',
    replies: [
      {
        kind: 'raw',
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>Sign in</title><form>Sign in to continue</form>',
      },
    ],
    title: 'OpenAI sent a reply PromptLens cannot read.',
    hint: /base URL.*text\/html/s,
    settingsButton: false,
  },
  {
    name: 'an empty answer',
    replies: [{ kind: 'stream', text: '' }],
    title: 'OpenAI sent back an empty answer.',
    hint: 'some models cannot read images',
    settingsButton: false,
  },
  {
    name: 'the network drops the connection',
    replies: [{ kind: 'drop' }],
    title: 'Cannot reach OpenAI.',
    hint: 'internet connection',
    settingsButton: false,
  },
  {
    name: 'provider unreachable',
    config: { baseUrl: 'http://127.0.0.1:9/v1' },
    title: 'Cannot reach OpenAI.',
    hint: 'internet connection',
    settingsButton: false,
  },
  {
    name: 'provider hangs: timeout',
    config: { timeoutSeconds: 5 },
    replies: [{ kind: 'hang' }],
    title: 'OpenAI did not answer in time.',
    hint: 'raise the timeout',
    settingsButton: false,
  },
  {
    name: 'image 404',
    image: 'missing',
    title: 'The image could not be downloaded.',
    hint: 'Reload the page',
    settingsButton: false,
  },
  {
    name: 'image bytes are not an image',
    image: { body: Buffer.from('this is not a jpeg at all, just text '.repeat(20)), type: 'image/jpeg' },
    title: 'The image could not be decoded.',
    hint: 'Try another image',
    settingsButton: false,
  },
  {
    name: 'an image of a few pixels',
    image: { width: 8, height: 8, color: [200, 0, 0] },
    title: 'This image is too small to describe.',
    hint: 'Right-click a larger picture',
    settingsButton: false,
  },
  {
    name: 'a web page instead of the image',
    image: { body: '<!doctype html><html><body>Please log in</body></html>', type: 'text/html' },
    title: 'The site sent a web page instead of the image.',
    hint: 'login',
    settingsButton: false,
  },
];

for (const fault of faults) {
  test(`fault: ${fault.name} → a message naming cause and next step, with Retry`, async ({
    ext,
    provider,
    site,
    scratch,
  }) => {
    const config = fault.config ?? {};
    if (config.provider === 'ollama') provider.apiKey = '';
    await configure(ext, {
      provider: config.provider,
      baseUrl: config.baseUrl ?? provider.baseUrl,
      model: config.model ?? 'gpt-5.4-mini',
      apiKey: config.apiKey ?? provider.apiKey,
      timeoutSeconds: config.timeoutSeconds,
    });
    if (config.provider === 'ollama') provider.models.push('gemma3');
    provider.reply(...(fault.replies ?? []));
    let url = await pageWithImage(site, scratch, fault.image && fault.image !== 'missing' ? fault.image : PHOTO);
    if (fault.image === 'missing') {
      url = site.page(
        '/missing.html',
        '<!doctype html><img id="target" src="{{IMG}}/img/gone.jpg" width="300" height="200" alt="gone">',
      );
    }
    await generateFrom(ext, url);
    const popup = await openPopup(ext);
    const alert = popup.getByRole('alert');
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert.locator('strong')).toHaveText(fault.title);
    await expect(alert).toContainText(fault.hint);
    await expect(popup.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Open settings' })).toHaveCount(fault.settingsButton ? 1 : 0);
    for (const request of provider.requests) expect(request.violations).toEqual([]);
    // The job is kept in history as failed.
    await expect(popup.locator('.history').getByText('Failed')).toBeVisible();
  });
}

test('429 once: retried after Retry-After, the prompt arrives, no error shown', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey });
  provider.reply(
    { kind: 'error', status: 429, headers: { 'retry-after': '1' } },
    { kind: 'stream', text: 'Patient blue hour skyline.' },
  );
  await generateFrom(ext, await pageWithImage(site, scratch, PHOTO));
  const popup = await openPopup(ext);
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText('Patient blue hour skyline.');
  const [first, second] = provider.requests;
  expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
  await expect(popup.getByRole('alert')).toHaveCount(0);
});

test('no key: "Open settings" leads to the options; after adding the key, Retry works without the page', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: '' });
  const page = await generateFrom(ext, await pageWithImage(site, scratch, PHOTO));
  await page.close();
  const popup = await openPopup(ext);
  await expect(popup.getByRole('alert').locator('strong')).toHaveText('No API key for OpenAI.');
  expect(provider.requests).toHaveLength(0);

  for (const page of ext.context.pages()) if (page.url().includes('options.html')) await page.close();
  const optionsOpened = ext.context.waitForEvent('page', (p) => p.url().includes('options.html'));
  await popup.getByRole('button', { name: 'Open settings' }).click();
  const options = await optionsOpened;
  await options.waitForLoadState();
  await options.getByLabel('API key', { exact: true }).fill(provider.apiKey);
  await expect(options.getByRole('status').first()).toHaveText('Saved');

  const hits = site.hits.length;
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Retry' }).click();
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(
    provider.fallback.kind === 'stream' ? provider.fallback.text : '',
  );
  expect(provider.requests).toHaveLength(1);
  expect(site.hits.length).toBe(hits); // the stored image was used: no second trip to the site
});

async function startWith(
  ext: Parameters<typeof configure>[0],
  provider: { baseUrl: string; apiKey: string },
  site: Parameters<typeof pageWithImage>[0],
  scratch: Parameters<typeof pageWithImage>[1],
  timeoutSeconds?: number,
) {
  await configure(ext, { baseUrl: provider.baseUrl, model: 'gpt-5.4-mini', apiKey: provider.apiKey, timeoutSeconds });
  await generateFrom(ext, await pageWithImage(site, scratch, PHOTO));
  return openPopup(ext);
}

const FULL = 'A lighthouse on a basalt cliff at dusk, long exposure sea, violet sky, wide angle.';

test('a stream cut half-way: the partial text stays, marked incomplete, and Retry writes the whole prompt', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  provider.reply({ kind: 'stream', text: FULL, pieces: 6, cutAfter: 3, delayMs: 50 }, { kind: 'stream', text: FULL });
  const popup = await startWith(ext, provider, site, scratch);
  const alert = popup.getByRole('alert');
  await expect(alert.locator('strong')).toHaveText('The answer from OpenAI was cut off.');
  await expect(alert).toContainText('incomplete');
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(/^A lighthouse on a basalt/);
  await expect(popup.getByRole('region', { name: 'Prompt' })).not.toHaveText(FULL);
  await popup.getByRole('button', { name: 'Retry' }).click();
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(FULL);
  await expect(alert).toHaveCount(0);
  expect(provider.requests).toHaveLength(2);
});

test('a stream that goes silent half-way times out, keeping what came', async ({ ext, provider, site, scratch }) => {
  provider.reply({ kind: 'stream', text: FULL, pieces: 6, stallAfter: 2 });
  const popup = await startWith(ext, provider, site, scratch, 5);
  await expect(popup.getByRole('alert').locator('strong')).toHaveText('OpenAI did not answer in time.', {
    timeout: 20_000,
  });
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(/^A lighthouse on/);
  await expect(popup.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('a refusal (OpenAI’s refusal field) is shown as a refusal, not as a prompt to copy', async ({
  ext,
  provider,
  site,
  scratch,
}) => {
  provider.reply({
    kind: 'stream',
    text: '',
    refusal: 'I’m sorry, I can’t help with identifying people in this image.',
  });
  const popup = await startWith(ext, provider, site, scratch);
  const refusal = popup.locator('.refusal');
  await expect(refusal).toContainText('The model declined to describe this image.');
  await expect(refusal).toContainText('I’m sorry, I can’t help with identifying people in this image.');
  await expect(popup.getByRole('button', { name: 'Copy' })).toHaveCount(0);
});

test('a refusal in plain words is recognised too', async ({ ext, provider, site, scratch }) => {
  provider.reply({ kind: 'stream', text: "I'm sorry, but I can't assist with that request." });
  const popup = await startWith(ext, provider, site, scratch);
  await expect(popup.locator('.refusal')).toContainText('The model declined to describe this image.');
});

test('Cancel on a running job stops the request; Retry runs it again', async ({ ext, provider, site, scratch }) => {
  provider.reply({ kind: 'stream', text: FULL, pieces: 12, delayMs: 800 });
  const popup = await startWith(ext, provider, site, scratch);
  await expect(popup.getByRole('region', { name: 'Prompt' })).toContainText('A lighthouse');
  await popup.getByRole('button', { name: 'Cancel' }).click();
  await expect(popup.getByRole('alert').locator('strong')).toHaveText('Cancelled.');
  await expect.poll(() => provider.inFlight).toBe(0); // the connection was closed, not left streaming
  await expect(popup.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await popup.getByRole('button', { name: 'Retry' }).click();
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(
    provider.fallback.kind === 'stream' ? provider.fallback.text : '',
  );
});

test('Retry after a server error writes the prompt', async ({ ext, provider, site, scratch }) => {
  provider.reply(...[1, 2, 3].map(() => ({ kind: 'error', status: 500, headers: { 'retry-after': '0' } }) as Reply));
  const popup = await startWith(ext, provider, site, scratch);
  await expect(popup.getByRole('alert').locator('strong')).toHaveText('OpenAI had a server error (HTTP 500).');
  await popup.getByRole('button', { name: 'Retry' }).click();
  await expect(popup.getByRole('region', { name: 'Prompt' })).toHaveText(
    provider.fallback.kind === 'stream' ? provider.fallback.text : '',
  );
  await expect(popup.getByRole('alert')).toHaveCount(0);
});

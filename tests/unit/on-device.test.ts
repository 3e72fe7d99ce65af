import { describe, expect, it } from 'vitest';
import { JobFailure } from '@/lib/errors';
import {
  checkAvailability,
  downloadModel,
  languageModelApi,
  onDeviceLanguage,
  streamOnDevice,
  type LanguageModelApi,
} from '@/lib/providers/on-device';
import {
  installLanguageModelDouble,
  type LanguageModelDoubleConfig,
  type LanguageModelDoubleLog,
} from '../e2e/support/language-model-double';

function double(config: LanguageModelDoubleConfig) {
  const scope = {};
  installLanguageModelDouble(config, scope);
  const api = languageModelApi(scope)!;
  return { api, log: (api as unknown as { log: LanguageModelDoubleLog[] }).log };
}

const image = new Blob([new Uint8Array(100)], { type: 'image/jpeg' });

function request(api: LanguageModelApi | undefined, overrides: Partial<Parameters<typeof streamOnDevice>[0]> = {}) {
  const texts: string[] = [];
  const run = streamOnDevice({
    api,
    language: 'en',
    instruction: 'Write a Midjourney prompt.',
    request: 'Write the prompt for this image.',
    image,
    timeoutMs: 1000,
    signal: new AbortController().signal,
    onText: (text) => texts.push(text),
    ...overrides,
  });
  return { run, texts };
}

const codeOf = (error: unknown) => (error instanceof JobFailure ? error.info.code : error);

describe('on-device provider (Prompt API)', () => {
  it('streams deltas into the text so far, with the style as system prompt and the image as a Blob', async () => {
    const { api, log } = double({ availability: 'available', chunks: ['A red ', 'fox, ', 'watercolor'] });
    const { run, texts } = request(api);
    expect((await run).text).toBe('A red fox, watercolor');
    expect(texts).toEqual(['A red ', 'A red fox, ', 'A red fox, watercolor']);
    const create = log.find((l) => l.method === 'create')!.detail as {
      initialPrompts: unknown;
      expectedInputs: unknown;
    };
    expect(create.initialPrompts).toEqual([{ role: 'system', content: 'Write a Midjourney prompt.' }]);
    const prompt = log.find((l) => l.method === 'promptStreaming')!.detail;
    expect(prompt).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', value: 'Write the prompt for this image.' },
          { type: 'image', blobType: 'image/jpeg', size: 100 },
        ],
      },
    ]);
    // availability() was asked with the very options create() got.
    const asked = log.find((l) => l.method === 'availability')!.detail as { expectedInputs: unknown };
    expect(asked.expectedInputs).toEqual(create.expectedInputs);
    expect(log.at(-1)?.method).toBe('destroy');
  });

  it('says "not available on this device" where the API is missing or the hardware cannot run it', async () => {
    await expect(request(undefined).run.catch(codeOf)).resolves.toBe('on-device-unavailable');
    await expect(request(double({ availability: 'unavailable' }).api).run.catch(codeOf)).resolves.toBe(
      'on-device-unavailable',
    );
    expect(await checkAvailability(undefined, 'en')).toBe('unavailable');
  });

  it('does not start a download from a job: the settings page does, under the user’s click', async () => {
    const { api, log } = double({ availability: 'downloadable' });
    await expect(request(api).run.catch(codeOf)).resolves.toBe('on-device-not-ready');
    expect(log.some((l) => l.method === 'create')).toBe(false);
  });

  it('downloads with progress from 0 to 1, then reports the model as available', async () => {
    const { api } = double({ availability: 'downloadable', downloadSteps: [0.25, 0.5] });
    const seen: number[] = [];
    await downloadModel(api, 'en', (f) => seen.push(f));
    expect(seen).toEqual([0, 0.25, 0.5, 1]);
    expect(await checkAvailability(api, 'en')).toBe('available');
  });

  it('stops on Cancel mid-stream with the cancel reason, and frees the session', async () => {
    const { api, log } = double({ availability: 'available', chunks: ['one ', 'two ', 'three'], chunkDelayMs: 30 });
    const controller = new AbortController();
    const texts: string[] = [];
    // Cancelled as the first piece arrives: the next one is 30 ms away.
    const onText = (text: string) => {
      texts.push(text);
      controller.abort(new JobFailure({ code: 'cancelled' }));
    };
    const { run } = request(api, { signal: controller.signal, onText });
    await expect(run.catch(codeOf)).resolves.toBe('cancelled');
    expect(texts).toEqual(['one ']);
    expect(log.at(-1)?.method).toBe('destroy');
  });

  it('times out when the model goes quiet', async () => {
    const { api } = double({ availability: 'available', chunkDelayMs: 200 });
    await expect(request(api, { timeoutMs: 50 }).run.catch(codeOf)).resolves.toBe('timeout');
  });

  it('writes English, Spanish and Japanese; every other language falls back to English', () => {
    expect(onDeviceLanguage('es')).toBe('es');
    expect(onDeviceLanguage('ja')).toBe('ja');
    expect(onDeviceLanguage('fr')).toBe('en');
    expect(onDeviceLanguage('zh-CN')).toBe('en');
  });
});

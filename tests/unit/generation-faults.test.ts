/** Every way a recreation fails, classified into a code with a message key and a next step. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { blankImageKind } from '@/lib/generation/blank-image';
import { imageSetupProblem, resolveImageProvider } from '@/lib/generation/generate';
import {
  GenerationFailure,
  generationMessageKey,
  nextStep,
  type GenerationError,
} from '@/lib/generation/generation-error';
import { toGeneratedImage } from '@/lib/generation/image-bytes';
import type { ImageProviderId } from '@/lib/generation/presets';
import type { FakeImageProviders } from '../support/fake-image-providers';
import { runGeneration, withFakeImageProviders, type RunOptions } from '../support/image-generation-run';

const fakes = withFakeImageProviders();
let fake: FakeImageProviders;
beforeEach(() => {
  fake = fakes();
});

async function failure(
  provider: ImageProviderId,
  options: RunOptions = {},
  prompt = 'a red fox in snow',
): Promise<GenerationError> {
  try {
    await runGeneration(fake, provider, prompt, options);
  } catch (error) {
    expect(error).toBeInstanceOf(GenerationFailure);
    return (error as GenerationFailure).info;
  }
  throw new Error('expected the generation to fail');
}

describe('set-up', () => {
  it('no image provider chosen', () => {
    expect(imageSetupProblem(undefined)).toEqual({ code: 'no-image-provider' });
    expect(imageSetupProblem({ provider: '', baseUrl: '', apiKey: '', model: '' })).toEqual({
      code: 'no-image-provider',
    });
    expect(() => resolveImageProvider(undefined)).toThrow(GenerationFailure);
  });

  it('a key is needed for hosted providers, not for A1111; Custom needs a base URL', () => {
    expect(imageSetupProblem({ provider: 'fal', baseUrl: '', apiKey: ' ', model: '' })).toEqual({ code: 'no-key' });
    expect(imageSetupProblem({ provider: 'a1111', baseUrl: '', apiKey: '', model: '' })).toBeUndefined();
    expect(imageSetupProblem({ provider: 'custom', baseUrl: '', apiKey: '', model: '' })).toEqual({
      code: 'no-base-url',
    });
  });

  it('each code has a message key and a next step', () => {
    expect(generationMessageKey('content-policy')).toBe('generationError.content-policy');
    expect(nextStep('no-image-provider')).toBe('open-settings');
    expect(nextStep('content-policy')).toBe('edit-prompt');
    expect(nextStep('local-no-api')).toBe('start-local-server');
    expect(nextStep('rate-limited')).toBe('retry-later');
  });
});

describe('401 / 403', () => {
  it('OpenAI: a wrong key is unauthorized, with OpenAI’s own words', async () => {
    expect(await failure('openai', { apiKey: 'sk-wrong' })).toMatchObject({
      code: 'unauthorized',
      status: 401,
      detail: expect.stringContaining('Incorrect API key'),
    });
  });

  it('fal: a wrong key is unauthorized', async () => {
    expect(await failure('fal', { apiKey: 'nope' })).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('Gemini: its 400 API_KEY_INVALID is unauthorized too', async () => {
    expect(await failure('gemini', { apiKey: 'AIza-wrong' })).toMatchObject({
      code: 'unauthorized',
      status: 400,
      detail: expect.stringContaining('API key not valid'),
    });
  });

  it('403 is forbidden', async () => {
    fake.faults.status = 403;
    expect(await failure('fal')).toMatchObject({ code: 'forbidden', status: 403 });
  });
});

describe('429 with Retry-After', () => {
  it.each(['openai', 'gemini', 'fal'] as const)('%s: rate-limited, and when to come back', async (provider) => {
    fake.faults = { status: 429, retryAfter: '20' };
    expect(await failure(provider)).toMatchObject({ code: 'rate-limited', status: 429, retryAfterSeconds: 20 });
  });
});

describe('content-policy refusals', () => {
  it('OpenAI moderation_blocked', async () => {
    fake.faults.moderation = true;
    expect(await failure('openai')).toMatchObject({
      code: 'content-policy',
      status: 400,
      detail: expect.stringContaining('safety system'),
    });
  });

  it('Gemini finishReason IMAGE_SAFETY with no image', async () => {
    fake.faults.moderation = true;
    expect(await failure('gemini')).toMatchObject({ code: 'content-policy', detail: 'IMAGE_SAFETY' });
  });

  it('OpenRouter 403 with moderation reasons', async () => {
    fake.faults.moderation = true;
    expect(await failure('openrouter')).toMatchObject({ code: 'content-policy', status: 403 });
  });

  it('fal has_nsfw_concepts: [true]', async () => {
    fake.faults.nsfw = true;
    expect(await failure('fal')).toMatchObject({ code: 'content-policy', detail: 'has_nsfw_concepts' });
  });

  it('blank or black pictures are told from real ones by their pixels', () => {
    const fill = (n: number, rgba: number[]) => Uint8ClampedArray.from({ length: n * 4 }, (_, i) => rgba[i % 4]!);
    expect(blankImageKind(fill(256 * 256, [0, 0, 0, 255]))).toBe('black');
    expect(blankImageKind(fill(256 * 256, [3, 2, 4, 255]))).toBe('black');
    expect(blankImageKind(fill(256 * 256, [128, 128, 128, 255]))).toBe('uniform');
    const picture = fill(256 * 256, [0, 0, 0, 255]);
    for (let i = 0; i < picture.length; i += 4) picture[i] = (i / 4) % 256;
    expect(blankImageKind(picture)).toBeUndefined();
    // A dark photo with a few bright pixels is not blank.
    const night = fill(64 * 64, [2, 2, 2, 255]);
    night.set([255, 240, 200, 255], 4 * 64 * 40);
    expect(blankImageKind(night, { samples: 64 * 64 })).toBeUndefined();
  });
});

describe('time', () => {
  it('a slow provider times out (SDK path)', async () => {
    fake.faults.slowMs = 3000;
    expect(await failure('openai', { timeoutMs: 300 })).toMatchObject({ code: 'timeout' });
  });

  it('a slow local server times out (fetch path)', async () => {
    fake.faults.slowMs = 3000;
    expect(await failure('a1111', { timeoutMs: 300 })).toMatchObject({ code: 'timeout', local: true });
  });

  it('Cancel is a cancel, not a timeout', async () => {
    fake.faults.slowMs = 3000;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(await failure('gemini', { signal: controller.signal })).toEqual({ code: 'cancelled' });
  });

  it('a fal queue that does not move is stuck, and the request is cancelled at fal', async () => {
    fake.faults.stuckQueue = true;
    expect(await failure('fal')).toMatchObject({ code: 'queue-stuck' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.requests.some((r) => r.route === 'fal-cancel')).toBe(true);
  });
});

describe('the result', () => {
  it('an expired result URL', async () => {
    fake.faults.expiredUrl = true;
    expect(await failure('fal')).toMatchObject({ code: 'result-expired', status: 404 });
  });

  it('bytes that are not an image (an HTML page served as image/png)', async () => {
    fake.faults.notImage = true;
    expect(await failure('fal')).toMatchObject({
      code: 'not-an-image',
      detail: expect.stringContaining('<!doctype html>'),
    });
  });

  it('an image over 50 MB is refused from its Content-Length, before download', async () => {
    fake.faults.hugeImage = true;
    expect(await failure('fal')).toMatchObject({ code: 'image-too-big', detail: '60.0 MB' });
  });

  it('an image over 50 MB without a declared length is refused too', () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(() => toGeneratedImage(big)).toThrow(
      expect.objectContaining({ info: expect.objectContaining({ code: 'image-too-big' }) }),
    );
  });

  it('a model that answers in words only', async () => {
    fake.faults.textOnly = true;
    expect(await failure('openrouter')).toMatchObject({
      code: 'no-image-in-answer',
      detail: expect.stringContaining('cannot draw'),
    });
  });
});

describe('local server', () => {
  it('started without --api: 404 on /sdapi/v1/txt2img', async () => {
    fake.faults.noApi = true;
    const error = await failure('a1111');
    expect(error).toMatchObject({ code: 'local-no-api', status: 404, local: true });
    expect(nextStep(error.code)).toBe('start-local-server');
  });

  it('not running, or no CORS: fetch rejects with a TypeError', async () => {
    expect(await failure('a1111', { baseUrl: await closedPortUrl() })).toMatchObject({
      code: 'local-unreachable',
      local: true,
    });
  });

  it('a hosted provider out of reach (through the SDK) is unreachable, not unknown', async () => {
    expect(await failure('openai', { baseUrl: `${await closedPortUrl()}/v1` })).toMatchObject({
      code: 'unreachable',
      local: false,
    });
  });
});

async function closedPortUrl(): Promise<string> {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  return `http://127.0.0.1:${port}`;
}

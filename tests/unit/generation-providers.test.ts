/** Every image provider's request shape, against fakes that answer like the real APIs. */
import { beforeEach, describe, expect, it } from 'vitest';
import { IMAGE_PRESETS, type ImageProviderId } from '@/lib/generation/presets';
import type { GeneratedImage, GenerationProgress } from '@/lib/generation/types';
import type { FakeImageProviders } from '../support/fake-image-providers';
import { runGeneration, withFakeImageProviders, type RunOptions } from '../support/image-generation-run';
import { validateImageRequest } from '../support/openai-contract';

const fakes = withFakeImageProviders();
let fake: FakeImageProviders;
beforeEach(() => {
  fake = fakes();
});

const SD = 'red fox in fresh snow, golden hour\nNegative prompt: blurry, watermark';
const recreate = (provider: ImageProviderId, prompt: string, options?: RunOptions) =>
  runGeneration(fake, provider, prompt, options);

const bytesOf = async (image: GeneratedImage) => Buffer.from(await image.bytes.arrayBuffer());

describe('OpenAI images.generate', () => {
  it('sends a CreateImageRequest-valid body and returns the b64_json bytes with the token cost', async () => {
    const image = await recreate('openai', SD);
    const [request] = fake.requests;
    expect(request!.route).toBe('openai');
    expect(request!.violations).toEqual([]);
    expect(request!.body).toEqual({
      model: 'gpt-image-1-mini',
      prompt: 'red fox in fresh snow, golden hour',
      n: 1,
      size: '1536x1024',
    });
    expect(request!.headers.authorization).toBe(`Bearer ${fake.keys.openai}`);
    // The SDK's telemetry headers trip CORS preflights; the client strips them.
    expect(Object.keys(request!.headers).filter((h) => h.startsWith('x-stainless'))).toEqual([]);
    expect(await bytesOf(image)).toEqual(fake.png(1536, 1024));
    expect(image).toMatchObject({ mime: 'image/png', width: 1536, height: 1024, cost: { tokens: 4200 } });
  });

  it('DALL·E 3 asks for b64_json (a URL would expire) and reports the revised prompt', async () => {
    const image = await recreate('openai', 'a fox', { model: 'dall-e-3', original: { width: 600, height: 1000 } });
    expect(fake.requests[0]!.violations).toEqual([]);
    expect(fake.requests[0]!.body).toEqual({
      model: 'dall-e-3',
      prompt: 'a fox',
      n: 1,
      size: '1024x1792',
      response_format: 'b64_json',
    });
    expect(image.revisedPrompt).toBe('a fox (revised)');
    expect(await bytesOf(image)).toEqual(fake.png(1024, 1792));
  });

  it('the contract check catches a body OpenAI would refuse', async () => {
    expect(validateImageRequest({ model: 'gpt-image-1', prompt: 'x', negative_prompt: 'y' })).toEqual([
      '/negative_prompt unknown parameter',
    ]);
    expect(validateImageRequest({ model: 'gpt-image-1', prompt: 'x', n: 0 }).join()).toMatch(/\/n must be >= 1/);
    expect(validateImageRequest({ model: 'gpt-image-1' }).join()).toMatch(/prompt/);
  });
});

describe('xAI and Custom (OpenAI-compatible)', () => {
  it('xAI gets no size (grok-2-image refuses it) and b64_json', async () => {
    const image = await recreate('xai', SD);
    expect(fake.requests[0]!.body).toEqual({
      model: 'grok-2-image',
      prompt: 'red fox in fresh snow, golden hour',
      n: 1,
      response_format: 'b64_json',
    });
    expect(await bytesOf(image)).toEqual(fake.png(1024, 768));
    expect(image.revisedPrompt).toContain('red fox');
  });

  it('Custom speaks the same /images/generations', async () => {
    const image = await recreate('custom', 'a fox');
    expect(fake.requests[0]).toMatchObject({
      route: 'openai',
      violations: [],
      body: { model: 'gpt-image-1', size: '1536x1024' },
    });
    expect(image.mime).toBe('image/png');
  });
});

describe('OpenRouter image output', () => {
  it('asks chat completions for image+text with the aspect ratio, and decodes the data URL', async () => {
    const image = await recreate('openrouter', SD);
    expect(fake.requests[0]!.body).toEqual({
      model: 'google/gemini-2.5-flash-image',
      messages: [{ role: 'user', content: 'red fox in fresh snow, golden hour' }],
      modalities: ['image', 'text'],
      image_config: { aspect_ratio: '16:9' },
    });
    expect(await bytesOf(image)).toEqual(fake.png(1024, 576));
    expect(image.cost).toEqual({ tokens: 1308, credits: 0.0387 });
  });
});

describe('Gemini generateContent', () => {
  it('sends the key in x-goog-api-key, IMAGE modality and imageConfig.aspectRatio', async () => {
    const image = await recreate('gemini', SD, { original: { width: 800, height: 1000 } });
    const [request] = fake.requests;
    expect(request!.path).toBe('/gemini/v1beta/models/gemini-2.5-flash-image:generateContent');
    expect(request!.headers['x-goog-api-key']).toBe(fake.keys.gemini);
    expect(request!.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'red fox in fresh snow, golden hour' }] }],
      generationConfig: { responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '4:5' } },
    });
    expect(await bytesOf(image)).toEqual(fake.png(819, 1024));
    expect(image.cost).toEqual({ tokens: 1302 });
  });
});

describe('fal queue', () => {
  it('submits with Authorization: Key, reports the queue position counting down, then fetches the result', async () => {
    const progress: GenerationProgress[] = [];
    const image = await recreate('fal', SD, { progress });
    const submit = fake.requests.find((r) => r.route === 'fal-submit')!;
    expect(submit.path).toBe('/fal/fal-ai/flux/schnell');
    expect(submit.headers.authorization).toBe(`Key ${fake.keys.fal}`);
    // Flux has no negative prompt: the SD line is dropped, not sent.
    expect(submit.body).toEqual({
      prompt: 'red fox in fresh snow, golden hour',
      image_size: 'landscape_16_9',
      num_images: 1,
      enable_safety_checker: true,
    });
    expect(progress).toEqual([
      { phase: 'submitted' },
      { phase: 'queued', position: 2 },
      { phase: 'queued', position: 1 },
      { phase: 'queued', position: 0 },
      { phase: 'running' },
      { phase: 'downloading' },
    ]);
    expect(fake.requests.map((r) => r.route)).toEqual([
      'fal-submit',
      'fal-status',
      'fal-status',
      'fal-status',
      'fal-status',
      'fal-status',
      'fal-result',
      'file',
    ]);
    expect(await bytesOf(image)).toEqual(fake.png(1024, 576));
    expect(image).toMatchObject({ width: 1024, height: 576, seed: 424242 });
  });

  it('an SDXL model on fal gets the negative prompt', async () => {
    await recreate('fal', SD, { model: 'fal-ai/fast-sdxl' });
    expect(fake.requests[0]!.body.negative_prompt).toBe('blurry, watermark');
  });
});

describe('AUTOMATIC1111', () => {
  it('posts txt2img with the negative prompt and size, no key, and reads the seed from the info string', async () => {
    const image = await recreate('a1111', SD);
    const [request] = fake.requests;
    expect(request!.path).toBe('/a1111/sdapi/v1/txt2img');
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.body).toEqual({
      prompt: 'red fox in fresh snow, golden hour',
      negative_prompt: 'blurry, watermark',
      width: 1336,
      height: 752,
      steps: 20,
      seed: -1,
      batch_size: 1,
      n_iter: 1,
    });
    expect(await bytesOf(image)).toEqual(fake.png(1336, 752));
    expect(image).toMatchObject({ seed: 1234567890, width: 1336, height: 752, mime: 'image/png' });
  });
});

it('every preset is covered above', () => {
  expect(Object.keys(IMAGE_PRESETS).sort()).toEqual([
    'a1111',
    'custom',
    'fal',
    'gemini',
    'openai',
    'openrouter',
    'xai',
  ]);
});

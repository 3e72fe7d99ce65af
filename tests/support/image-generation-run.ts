/** One recreation end to end against the fakes: settings → prepared prompt → adapter. */
import { generateImage, resolveImageProvider } from '@/lib/generation/generate';
import type { ImageProviderId } from '@/lib/generation/presets';
import { prepareForGenerator } from '@/lib/generation/prompt-for-generator';
import type { GeneratedImage, GenerationProgress } from '@/lib/generation/types';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { FakeImageProviders } from './fake-image-providers';
import { validateImageRequest } from './openai-contract';

export interface RunOptions {
  model?: string;
  original?: { width: number; height: number };
  progress?: GenerationProgress[];
  apiKey?: string;
  baseUrl?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function fakeBase(fake: FakeImageProviders, id: ImageProviderId): string {
  return {
    openai: fake.openaiBase,
    custom: fake.openaiBase,
    xai: fake.xaiBase,
    openrouter: fake.openrouterBase,
    gemini: fake.geminiBase,
    fal: fake.falBase,
    a1111: fake.a1111Base,
  }[id];
}

export function runGeneration(
  fake: FakeImageProviders,
  provider: ImageProviderId,
  prompt: string,
  options: RunOptions = {},
): Promise<GeneratedImage> {
  const apiKey =
    options.apiKey ?? (provider === 'a1111' ? '' : provider === 'custom' ? fake.keys.openai : fake.keys[provider]);
  const model = options.model ?? (provider === 'custom' ? 'gpt-image-1' : '');
  const target = resolveImageProvider({
    provider,
    baseUrl: options.baseUrl ?? fakeBase(fake, provider),
    apiKey,
    model,
  });
  const input = prepareForGenerator(prompt, target.caps, {
    original: options.original ?? { width: 1600, height: 900 },
  });
  return generateImage(
    target.preset,
    {
      baseUrl: target.baseUrl,
      apiKey: target.apiKey,
      model: target.model,
      input,
      timeoutMs: options.timeoutMs ?? 10_000,
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (p) => options.progress?.push(p),
    },
    { falPoll: { intervalMs: 5, stuckAfterPolls: 5 } },
  );
}

/** The fakes for one test file: started once (with the OpenAI spec compiled), faults reset per test. */
export function withFakeImageProviders(): () => FakeImageProviders {
  let fake: FakeImageProviders | undefined;
  beforeAll(async () => {
    fake = await new FakeImageProviders().start();
    // Compiling OpenAI's 3 MB spec takes seconds here; not inside the first request's timeout.
    validateImageRequest({});
  }, 60_000);
  afterAll(() => fake?.stop());
  beforeEach(() => {
    fake!.requests.length = 0;
    fake!.faults = {};
  });
  return () => fake!;
}

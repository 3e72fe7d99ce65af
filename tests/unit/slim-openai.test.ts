import { describe, expect, it } from 'vitest';
import { isStubbedOpenAIModule, stubModule } from '@/modules/slim-openai/slim-openai';

const sdk = (file: string) => `/repo/node_modules/openai/${file}`;

describe('slimming the openai SDK in the service worker build', () => {
  it('keeps the client, the chat resource and the request/stream/error core', () => {
    for (const file of [
      'client.mjs',
      'index.mjs',
      'resources/index.mjs',
      'resources/shared.mjs',
      'resources/chat/chat.mjs',
      'resources/chat/completions/completions.mjs',
      'resources/images.mjs',
      'core/streaming.mjs',
      'core/error.mjs',
      'internal/parse.mjs',
      'lib/chat-completions/streaming.mjs',
    ]) {
      expect(isStubbedOpenAIModule(sdk(file)), file).toBe(false);
    }
  });

  it('stubs resources and chat helpers the worker never calls', () => {
    for (const file of [
      'resources/beta/beta.mjs',
      'resources/admin/admin.mjs',
      'resources/responses/responses.mjs',
      'resources/embeddings.mjs',
      'lib/ChatCompletionStream.mjs',
      'lib/ChatCompletionRunner.mjs',
    ]) {
      expect(isStubbedOpenAIModule(sdk(file)), file).toBe(true);
    }
    expect(isStubbedOpenAIModule('/repo/lib/providers/resources/x.mjs')).toBe(false);
  });

  it('exports every name as a class the client can construct', async () => {
    const code = stubModule(['Beta', 'default']);
    const mod = await import(`data:text/javascript,${encodeURIComponent(code)}`);
    expect(Object.keys(mod).sort()).toEqual(['Beta', 'default']);
    expect(new mod.Beta({})).toBeTruthy();
  });
});

import { describe, expect, it } from 'vitest';
import { buildMessages, structuredOutputFor } from '@/lib/prompt/build-messages';
import { STYLE_IDS } from '@/lib/prompt/styles';
import { PRESETS, PROVIDER_IDS } from '@/lib/providers/presets';
import { buildChatRequest } from '@/lib/providers/request-params';
import { validateChatRequest } from '../support/openai-contract';

const IMAGE = `data:image/jpeg;base64,${'/9j/'.padEnd(4000, 'A')}`;

function requestFor(id: (typeof PROVIDER_IDS)[number]) {
  const preset = PRESETS[id];
  return buildChatRequest(
    preset,
    preset.defaultModel || 'some-model',
    buildMessages(
      { style: 'natural', detail: 'standard', language: 'English' },
      { url: IMAGE, width: 1600, height: 900, detailHint: preset.imageDetail },
    ),
  );
}

describe('provider presets', () => {
  it.each(PROVIDER_IDS)('%s: the request validates against CreateChatCompletionRequest', (id) => {
    expect(validateChatRequest(requestFor(id))).toEqual([]);
  });

  it(
    'JSON style: OpenAI gets structured outputs (valid per the spec); others get none, since strict servers reject ' +
      'it',
    () => {
      const spec = { style: 'json', detail: 'standard', language: 'English' } as const;
      const messages = buildMessages(spec, { url: IMAGE, width: 10, height: 10, detailHint: false });
      const structured = structuredOutputFor(spec);
      const openai = buildChatRequest(PRESETS.openai, 'gpt-5.4-mini', messages, { structured });
      expect(openai.response_format).toMatchObject({
        type: 'json_schema',
        json_schema: { name: 'image_prompt', strict: true },
      });
      expect(validateChatRequest(openai)).toEqual([]);
      for (const id of ['mistral', 'gemini', 'ollama', 'custom'] as const) {
        expect(buildChatRequest(PRESETS[id], 'm', messages, { structured })).not.toHaveProperty('response_format');
      }
    },
  );

  it('only the JSON style asks for structured output; a custom template never does, whatever style is selected', () => {
    const template = { id: 't', name: 'Tags', text: 'List tags.' };
    expect(STYLE_IDS.filter((style) => structuredOutputFor({ style, detail: 'short', language: 'English' }))).toEqual([
      'json',
    ]);
    expect(structuredOutputFor({ style: 'json', template, detail: 'short', language: 'English' })).toBeUndefined();
  });

  it('every server preset except Custom has an https or localhost base URL and a default model', () => {
    // The on-device model has no address: it runs inside the browser.
    for (const id of PROVIDER_IDS.filter((p) => p !== 'custom' && PRESETS[p].kind === 'openai-compatible')) {
      expect(PRESETS[id].baseUrl).toMatch(/^(https:\/\/|http:\/\/localhost:)/);
      expect(PRESETS[id].defaultModel).not.toBe('');
    }
  });

  it('OpenAI: max_completion_tokens (reasoning models reject max_tokens), usage in the stream, image detail', () => {
    const body = requestFor('openai');
    expect(body.max_completion_tokens).toBeGreaterThan(0);
    expect(body).not.toHaveProperty('max_tokens');
    expect(body.stream_options).toEqual({ include_usage: true });
    expect(JSON.stringify(body.messages)).toContain('"detail":"high"');
  });

  it.each(['mistral', 'ollama', 'gemini', 'lmstudio', 'custom'] as const)(
    '%s: only max_tokens, no OpenAI-only fields a strict server would reject',
    (id) => {
      const body = requestFor(id);
      expect(body.max_tokens).toBeGreaterThan(0);
      expect(body).not.toHaveProperty('max_completion_tokens');
      expect(body).not.toHaveProperty('stream_options');
      expect(JSON.stringify(body.messages)).not.toContain('"detail"');
    },
  );

  it('Groq caps base64 images at 4 MB; Anthropic needs its browser-access header and a 1568 px edge', () => {
    expect(PRESETS.groq.maxImageBytes).toBe(4 * 1024 * 1024);
    expect(PRESETS.anthropic.headers).toEqual({ 'anthropic-dangerous-direct-browser-access': 'true' });
    expect(PRESETS.anthropic.maxLongEdge).toBe(1568);
  });

  it('local providers need no key; cloud providers do', () => {
    expect(PRESETS.ollama.needsKey).toBe(false);
    expect(PRESETS.lmstudio.needsKey).toBe(false);
    for (const id of ['openai', 'openrouter', 'gemini', 'anthropic', 'groq', 'mistral', 'xai'] as const) {
      expect(PRESETS[id].needsKey).toBe(true);
    }
  });
});

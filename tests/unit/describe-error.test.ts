import { beforeAll, describe, expect, it } from 'vitest';
import type { i18n as I18n } from 'i18next';
import { createI18n } from '@/lib/i18n';
import en from '@/locales/en.json';
import { describeError, ERROR_CODES, isConfigError, type JobError } from '@/lib/errors';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('en', { load: async () => en });
});

const describeIt = (error: JobError) => describeError(error, { provider: 'OpenAI', model: 'gpt-5.4-mini' }, i18n.t);

describe('error → message', () => {
  it.each(ERROR_CODES)('%s: names the cause and the next step, with every placeholder filled', (code) => {
    const text = describeIt({ code, status: 500 });
    expect(text.title.length).toBeGreaterThan(5);
    expect(text.hint.length).toBeGreaterThan(10);
    expect(text.title).not.toMatch(/\{\{|errors\./);
    expect(text.hint).not.toMatch(/\{\{|errors\./);
  });

  it('says which provider and which status', () => {
    expect(describeIt({ code: 'unauthorized', status: 401 }).title).toBe(
      'OpenAI did not accept the API key (HTTP 401).',
    );
    expect(describeIt({ code: 'server', status: 503 }).title).toContain('HTTP 503');
    expect(describeIt({ code: 'model-not-found', status: 404 }).title).toContain('“gpt-5.4-mini”');
  });

  it('gives local servers their own fixes (OLLAMA_ORIGINS, is it running?, pull the model)', () => {
    const local = (code: JobError['code']) =>
      describeError({ code, local: true }, { provider: 'Ollama', model: 'gemma3' }, i18n.t).hint;
    expect(local('forbidden')).toContain('OLLAMA_ORIGINS');
    expect(local('forbidden')).toContain('Enable CORS');
    expect(local('unreachable')).toContain('running');
    expect(local('model-not-found')).toContain('ollama pull gemma3');
  });

  it("tells how long to wait when the provider said so, and shows the provider's words", () => {
    const text = describeIt({ code: 'rate-limited', status: 429, retryAfterSeconds: 42, detail: 'Rate limit reached' });
    expect(text.hint).toContain('42 s');
    expect(text.detail).toBe('Details: \u2068Rate limit reached\u2069');
  });

  it('offers the settings for errors the settings fix, not for others', () => {
    expect(['no-key', 'unauthorized', 'model-not-found', 'no-base-url'].every((c) => isConfigError(c as never))).toBe(
      true,
    );
    expect(['server', 'timeout', 'image-fetch', 'rate-limited'].some((c) => isConfigError(c as never))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n';
import en from '@/locales/en.json';
import de from '@/locales/de.json';

describe('numbers in sentences', () => {
  it('are written with the language’s own separators, plural form still chosen from the number', async () => {
    const english = await createI18n('en', { load: async () => en });
    expect(english.t('history.count', { count: 10000 })).toBe('10,000 entries');
    expect(english.t('history.count', { count: 1 })).toBe('1 entry');
    const german = await createI18n('de', { load: async () => de });
    expect(german.t('history.count', { count: 10000 })).toMatch(/^10\.000 /);
  });

  it('leaves text values alone', async () => {
    const english = await createI18n('en', { load: async () => en });
    expect(english.t('transfer.mustBeString', { path: 'prompts[2].text' })).toBe('prompts[2].text must be a string.');
  });
});

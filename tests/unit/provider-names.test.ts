import { beforeAll, describe, expect, it } from 'vitest';
import type { i18n as I18n } from 'i18next';
import { createI18n } from '@/lib/i18n';
import de from '@/locales/de.json';
import { PROVIDER_IDS } from '@/lib/providers/presets';
import { providerLabel, providerName } from '@/lib/providers/provider-names';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n('de', { load: async () => de });
});

describe('how the UI names a provider', () => {
  it('products by their name; local and custom servers by a translated label that says what they are', () => {
    expect(providerLabel('openai', i18n.t)).toBe('OpenAI');
    expect(providerLabel('ollama', i18n.t)).toBe(de.providers.ollama);
    expect(providerLabel('custom', i18n.t)).toBe(de.providers.custom);
    expect(providerName('custom', i18n.t)).toBe(de.providers.customShort);
    expect(providerName('ollama', i18n.t)).toBe('Ollama');
  });

  it('every provider has a label and a name, none a raw translation key', () => {
    for (const id of PROVIDER_IDS) {
      expect(providerLabel(id, i18n.t)).not.toMatch(/^providers\.|^$/);
      expect(providerName(id, i18n.t)).not.toMatch(/^providers\.|^$/);
    }
  });
});

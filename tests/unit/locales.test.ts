import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLocale, checkManifestMessages } from '@/modules/locale-check/check-locale';
import { LANGUAGES } from '@/lib/languages';

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const en = read('locales/en.json');
const enMessages = read('public/_locales/en/messages.json');

describe('translations', () => {
  it.each(LANGUAGES.map((l) => [l.code, l.chrome] as const))(
    '%s: every key of en.json, none empty, same placeholders, its own plural forms',
    (code, chrome) => {
      expect(checkLocale(en, read(`locales/${code}.json`), code)).toEqual([]);
      expect(checkManifestMessages(enMessages, read(`public/_locales/${chrome}/messages.json`), chrome)).toEqual([]);
    },
  );

  it.each(LANGUAGES.filter((l) => l.code !== 'en').map((l) => l.code))(
    '%s: translated, not English left in place',
    (code) => {
      const flat = (tree: any, prefix = ''): Array<[string, string]> =>
        Object.entries(tree).flatMap(([k, v]) =>
          typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flat(v, `${prefix}${k}.`),
        );
      const translated = new Map(flat(read(`locales/${code}.json`)));
      const english = flat(en).filter(([key]) => translated.has(key));
      // Sentences must be translated; a short label may stay (a loanword such as "Provider", a product name).
      const words = (text: string) => text.replace(/\{\{[^}]+\}\}/g, '').match(/\p{L}{2,}/gu)?.length ?? 0;
      const untranslatedSentences = english.filter(([key, value]) => words(value) > 3 && translated.get(key) === value);
      expect(untranslatedSentences.map(([key]) => key)).toEqual([]);
      // Product names are never translated; leave them out of the count.
      const names = new Set([
        'app.name',
        'menu.root',
        'styles.midjourney',
        'styles.stable-diffusion',
        'styles.flux',
        'styles.dalle',
        'styles.json',
      ]);
      const identical = english.filter(([key, value]) => !names.has(key) && translated.get(key) === value);
      expect(identical.length / english.length).toBeLessThan(0.1);
    },
  );

  it('the checker catches what it should', () => {
    const broken = structuredClone(en);
    delete broken.popup.copy;
    broken.popup.tokens = 'Tokens: {{input}}';
    broken.status.retrying_one = '';
    const problems = checkLocale(en, broken, 'en');
    expect(problems).toEqual(
      expect.arrayContaining([
        'en: missing popup.copy',
        'en: empty status.retrying_one',
        expect.stringContaining('popup.tokens has placeholders'),
      ]),
    );
    expect(checkLocale(en, en, 'ru')).toEqual(
      expect.arrayContaining(['ru: missing status.retrying_few', 'ru: missing status.retrying_many']),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { LANGUAGES, matchLanguage, resolveLanguage, textDirection } from '@/lib/languages';

describe('interface languages', () => {
  it('ships the 15 languages, each once', () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual([
      'en',
      'es',
      'fr',
      'de',
      'zh-CN',
      'ja',
      'ko',
      'ru',
      'it',
      'pt-BR',
      'ar',
      'hi',
      'tr',
      'vi',
      'id',
    ]);
    expect(new Set(LANGUAGES.map((l) => l.chrome)).size).toBe(15);
  });

  it.each([
    ['en-US', 'en'],
    ['es-419', 'es'],
    ['fr-CA', 'fr'],
    ['de', 'de'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh-TW', 'en'],
    ['pt-PT', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['ar-EG', 'ar'],
    ['in', 'id'],
    ['nl', 'en'],
    [undefined, 'en'],
  ])('browser language %s → %s', (tag, expected) => {
    expect(matchLanguage(tag)).toBe(expected);
  });

  it('"Browser default" follows the browser; a chosen language wins', () => {
    expect(resolveLanguage('auto', 'ko-KR')).toBe('ko');
    expect(resolveLanguage('tr', 'ko-KR')).toBe('tr');
  });

  it('Arabic is right-to-left, the others left-to-right', () => {
    expect(LANGUAGES.filter((l) => textDirection(l.code) === 'rtl').map((l) => l.code)).toEqual(['ar']);
  });
});

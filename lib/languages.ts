/** The 15 interface languages: i18next code, Chrome _locales code, and the name in itself. */
export const LANGUAGES = [
  { code: 'en', chrome: 'en', name: 'English' },
  { code: 'es', chrome: 'es', name: 'Español' },
  { code: 'fr', chrome: 'fr', name: 'Français' },
  { code: 'de', chrome: 'de', name: 'Deutsch' },
  { code: 'zh-CN', chrome: 'zh_CN', name: '简体中文' },
  { code: 'ja', chrome: 'ja', name: '日本語' },
  { code: 'ko', chrome: 'ko', name: '한국어' },
  { code: 'ru', chrome: 'ru', name: 'Русский' },
  { code: 'it', chrome: 'it', name: 'Italiano' },
  { code: 'pt-BR', chrome: 'pt_BR', name: 'Português (Brasil)' },
  { code: 'ar', chrome: 'ar', name: 'العربية' },
  { code: 'hi', chrome: 'hi', name: 'हिन्दी' },
  { code: 'tr', chrome: 'tr', name: 'Türkçe' },
  { code: 'vi', chrome: 'vi', name: 'Tiếng Việt' },
  { code: 'id', chrome: 'id', name: 'Bahasa Indonesia' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export type LanguageSetting = 'auto' | LanguageCode;

export const DEFAULT_LANGUAGE: LanguageCode = 'en';

export function isLanguageCode(value: unknown): value is LanguageCode {
  return LANGUAGES.some((l) => l.code === value);
}

export function languageName(code: LanguageCode): string {
  return LANGUAGES.find((l) => l.code === code)!.name;
}

/**
 * A browser language tag → the closest language we ship: "es-419" → es, "pt-PT" → pt-BR,
 * "zh-Hans-SG" → zh-CN. Traditional Chinese and anything unknown → English.
 */
export function matchLanguage(tag: string | undefined): LanguageCode {
  if (!tag) return DEFAULT_LANGUAGE;
  const lower = tag.toLowerCase().replace(/_/g, '-');
  const [primary] = lower.split('-');
  if (primary === 'zh') return /^zh(-hans)?(-cn|-sg)?$|^zh-hans/.test(lower) ? 'zh-CN' : DEFAULT_LANGUAGE;
  if (primary === 'pt') return 'pt-BR';
  if (primary === 'in') return 'id'; // the old code for Indonesian
  return LANGUAGES.find((l) => l.code === primary)?.code ?? DEFAULT_LANGUAGE;
}

export function resolveLanguage(setting: LanguageSetting, browserTag: string | undefined): LanguageCode {
  return setting === 'auto' ? matchLanguage(browserTag) : setting;
}

/** Right-to-left among the languages we ship. */
export function textDirection(code: string): 'ltr' | 'rtl' {
  return /^(ar|he|fa|ur)\b/.test(code) ? 'rtl' : 'ltr';
}

/**
 * The 15 languages: i18next code, Chrome _locales code, English name (for model instructions), and the name in itself.
 */
export const LANGUAGES = [
  { code: 'en', chrome: 'en', english: 'English', name: 'English' },
  { code: 'es', chrome: 'es', english: 'Spanish', name: 'Español' },
  { code: 'fr', chrome: 'fr', english: 'French', name: 'Français' },
  { code: 'de', chrome: 'de', english: 'German', name: 'Deutsch' },
  { code: 'zh-CN', chrome: 'zh_CN', english: 'Simplified Chinese', name: '简体中文' },
  { code: 'ja', chrome: 'ja', english: 'Japanese', name: '日本語' },
  { code: 'ko', chrome: 'ko', english: 'Korean', name: '한국어' },
  { code: 'ru', chrome: 'ru', english: 'Russian', name: 'Русский' },
  { code: 'it', chrome: 'it', english: 'Italian', name: 'Italiano' },
  { code: 'pt-BR', chrome: 'pt_BR', english: 'Brazilian Portuguese', name: 'Português (Brasil)' },
  { code: 'ar', chrome: 'ar', english: 'Arabic', name: 'العربية' },
  { code: 'hi', chrome: 'hi', english: 'Hindi', name: 'हिन्दी' },
  { code: 'tr', chrome: 'tr', english: 'Turkish', name: 'Türkçe' },
  { code: 'vi', chrome: 'vi', english: 'Vietnamese', name: 'Tiếng Việt' },
  { code: 'id', chrome: 'id', english: 'Indonesian', name: 'Bahasa Indonesia' },
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

/** The language's English name: what we tell the model to write in. */
export function englishName(code: LanguageCode): string {
  return LANGUAGES.find((l) => l.code === code)!.english;
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

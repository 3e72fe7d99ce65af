/** i18next set-up shared by every context; React pages add react-i18next on top. */
import i18next, { type i18n as I18n, type Module } from 'i18next';
import en from '../locales/en.json';

export const DEFAULT_LANGUAGE = 'en';
export const resources = { en: { translation: en } } as const;

/** Right-to-left scripts among the languages we ship. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  return /^(ar|he|fa|ur)\b/.test(language) ? 'rtl' : 'ltr';
}

export async function createI18n(language = DEFAULT_LANGUAGE, plugins: Module[] = []): Promise<I18n> {
  const instance = i18next.createInstance();
  for (const plugin of plugins) instance.use(plugin);
  await instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

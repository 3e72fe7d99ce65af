/**
 * i18next set-up shared by every context; React pages add react-i18next on top. Only the
 * active language's strings are loaded: each ships as its own file, /locales/<code>.json.
 */
import i18next, { type FormatterModule, type i18n as I18n, type Module } from 'i18next';
import { browser } from 'wxt/browser';
import type en from '../locales/en.json';
import type { LanguageCode } from './languages';

export type Messages = typeof en;
export type LoadMessages = (code: LanguageCode) => Promise<Messages>;

/** The packaged locale file, read from the extension itself. */
export const loadPackagedMessages: LoadMessages = async (code) => {
  const response = await fetch(browser.runtime.getURL(`/locales/${code}.json` as '/popup.html'));
  if (!response.ok) throw new Error(`Missing translations for ${code}`);
  return (await response.json()) as Messages;
};

/** Formats numbers with Intl and leaves every other value as it is (we use no `{{x, fmt}}` specs). */
const numberFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value, _format, lng) => (typeof value === 'number' ? new Intl.NumberFormat(lng).format(value) : value),
};

export async function createI18n(
  language: LanguageCode,
  { plugins = [], load = loadPackagedMessages }: { plugins?: Module[]; load?: LoadMessages } = {},
): Promise<I18n> {
  const instance = i18next.createInstance();
  instance.use(numberFormatter);
  for (const plugin of plugins) instance.use(plugin);
  await instance.init({
    lng: language,
    // Every locale is checked complete at build time, so there is nothing to fall back to.
    fallbackLng: false,
    resources: { [language]: { translation: await load(language) } },
    // Every number in a sentence in the reader's digits and separators: "10,000", "10.000", "١٠٬٠٠٠".
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });
  return instance;
}

/** Switch an instance to another language, loading it first if this context has not yet. */
export async function switchLanguage(
  instance: I18n,
  language: LanguageCode,
  load: LoadMessages = loadPackagedMessages,
): Promise<void> {
  if (instance.language === language) return;
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await load(language));
  }
  await instance.changeLanguage(language);
}

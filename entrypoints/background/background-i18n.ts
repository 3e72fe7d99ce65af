import type { i18n as I18n } from 'i18next';
import { browser } from 'wxt/browser';
import { createI18n, switchLanguage } from '@/lib/i18n';
import { resolveLanguage } from '@/lib/languages';
import { loadSettings } from '@/lib/settings';

let instance: Promise<I18n> | undefined;

/** The background's translator (menu titles, notifications), in the current interface language. */
export async function backgroundI18n(): Promise<I18n> {
  const settings = await loadSettings();
  const language = resolveLanguage(settings.uiLanguage, browser.i18n.getUILanguage());
  instance ??= createI18n(language);
  const i18n = await instance;
  await switchLanguage(i18n, language);
  return i18n;
}

import type { i18n as I18n } from 'i18next';
import { browser } from 'wxt/browser';
import { createI18n, switchLanguage } from '@/lib/i18n';
import { resolveLanguage } from '@/lib/languages';
import { loadSettings } from '@/lib/settings';
import { worker } from './worker-state';

/** The background's translator (menu titles, notifications), in the current interface language. */
export async function backgroundI18n(): Promise<I18n> {
  const settings = await loadSettings();
  const language = resolveLanguage(settings.uiLanguage, browser.i18n.getUILanguage());
  worker.i18n ??= createI18n(language);
  const i18n = await worker.i18n;
  await switchLanguage(i18n, language);
  return i18n;
}

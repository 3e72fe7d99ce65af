import type { i18n as I18n } from 'i18next';
import { createI18n } from '@/lib/i18n';

let instance: Promise<I18n> | undefined;

/** The background's translator, for menu titles and notifications. */
export function backgroundI18n(): Promise<I18n> {
  instance ??= createI18n();
  return instance;
}

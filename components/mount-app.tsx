import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { browser } from 'wxt/browser';
import { createI18n, switchLanguage } from '@/lib/i18n';
import { resolveLanguage, textDirection, type LanguageCode } from '@/lib/languages';
import { loadSettings, normalizeSettings, settingsItem } from '@/lib/settings';
import './theme.css';

function applyToDocument(language: LanguageCode): void {
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
}

/**
 * Shared start-up of every extension page: translations first, so nothing renders
 * untranslated, and a change of "Interface language" applies at once, without a reload.
 */
export async function mountApp(app: ComponentType | Promise<ComponentType>): Promise<void> {
  const browserLanguage = browser.i18n.getUILanguage();
  const settings = await loadSettings();
  const language = resolveLanguage(settings.uiLanguage, browserLanguage);
  const i18n = await createI18n(language, { plugins: [initReactI18next] });
  applyToDocument(language);
  settingsItem.watch((next) => {
    const wanted = resolveLanguage(normalizeSettings(next).uiLanguage, browserLanguage);
    void switchLanguage(i18n, wanted).then(() => applyToDocument(wanted));
  });
  // A page may load its app in parallel with the translations (the popup does, for its size budget).
  const App = await app;
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
}

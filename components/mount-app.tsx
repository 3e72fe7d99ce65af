import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { browser } from 'wxt/browser';
import { createI18n, loadPackagedMessages, switchLanguage, type LoadMessages } from '@/lib/i18n';
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
  // The browser's language is the interface language unless the user chose another: its
  // translations load while the settings are read (both go through the browser, ~20 ms each).
  const likely = resolveLanguage('auto', browserLanguage);
  const preloaded = loadPackagedMessages(likely);
  preloaded.catch(() => undefined);
  const load: LoadMessages = (code) => (code === likely ? preloaded : loadPackagedMessages(code));
  const settings = await loadSettings();
  const language = resolveLanguage(settings.uiLanguage, browserLanguage);
  const i18n = await createI18n(language, { plugins: [initReactI18next], load });
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

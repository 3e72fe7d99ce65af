import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { createI18n, textDirection } from '@/lib/i18n';
import './theme.css';

/** Shared start-up of every extension page: translations first, so nothing renders untranslated. */
export async function mountApp(App: ComponentType): Promise<void> {
  const i18n = await createI18n(undefined, [initReactI18next]);
  document.documentElement.lang = i18n.language;
  document.documentElement.dir = textDirection(i18n.language);
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

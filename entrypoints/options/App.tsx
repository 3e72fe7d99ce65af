import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HistorySection } from './history-section';
import { LanguageSection } from './language-section';
import { MidjourneySection } from './midjourney-section';
import { PrivacySection } from './privacy-section';
import { PromptSection } from './prompt-section';
import { ProviderSection } from './provider-section';
import { useSettingsStore } from './settings-store';
import { TemplatesSection } from './templates-section';

export default function App() {
  const { t } = useTranslation();
  const { settings, savedAt, hydrate } = useSettingsStore();
  useEffect(() => void hydrate(), [hydrate]);
  useEffect(() => {
    document.title = t('options.title');
  }, [t]);
  if (!settings) return null;
  return (
    <main className="options">
      <header>
        <h1>{t('options.title')}</h1>
        <span role="status" className="small muted saved">{savedAt ? t('options.saved') : ''}</span>
      </header>
      <ProviderSection />
      <PromptSection />
      <MidjourneySection />
      <TemplatesSection />
      <LanguageSection />
      <HistorySection />
      <PrivacySection />
    </main>
  );
}

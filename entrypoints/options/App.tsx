import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HistorySection } from './history-section';
import { ImageGenerationSection } from './image-generation-section';
import { LanguageSection } from './language-section';
import { MidjourneySection } from './midjourney-section';
import { PrivacySection } from './privacy-section';
import { PromptSection } from './prompt-section';
import { ResultsSection } from './results-section';
import { ProviderSection } from './provider-section';
import { SendToSection } from './send-to-section';
import { useSettingsStore } from './settings-store';
import { TemplatesSection } from './templates-section';
import { VisionModelsSection } from './vision-models-section';

/** "Saved": its own component, so a save redraws this note and not the whole form. */
function SavedNote() {
  const { t } = useTranslation();
  const savedAt = useSettingsStore((state) => state.savedAt);
  return (
    <span role="status" className="small muted saved">
      {savedAt ? t('options.saved') : ''}
    </span>
  );
}

export default function App() {
  const { t } = useTranslation();
  // Whether settings are loaded, not the settings: each section reads what it shows.
  const loaded = useSettingsStore((state) => state.settings !== undefined);
  const hydrate = useSettingsStore((state) => state.hydrate);
  useEffect(() => void hydrate(), [hydrate]);
  useEffect(() => {
    document.title = t('options.title');
  }, [t]);
  if (!loaded) return null;
  return (
    <main className="options">
      <header>
        <h1>{t('options.title')}</h1>
        <SavedNote />
      </header>
      <ProviderSection />
      <VisionModelsSection />
      <PromptSection />
      <MidjourneySection />
      <TemplatesSection />
      <ImageGenerationSection />
      <SendToSection />
      <ResultsSection />
      <LanguageSection />
      <HistorySection />
      <PrivacySection />
    </main>
  );
}

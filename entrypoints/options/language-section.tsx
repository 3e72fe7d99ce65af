import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { LANGUAGES, isLanguageCode, languageName, matchLanguage } from '@/lib/languages';
import { SelectField } from './select-field';
import { useSettingsStore } from './settings-store';

/** The interface language: the browser's by default, or any of the 15. */
export function LanguageSection() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  if (!settings) return null;
  return (
    <section className="card">
      <h2>{t('options.languageSection')}</h2>
      <SelectField
        label={t('options.interfaceLanguage')}
        hint={t('options.interfaceLanguageHint')}
        value={settings.uiLanguage}
        choices={[
          {
            value: 'auto',
            label: t('options.browserDefault', { language: languageName(matchLanguage(browser.i18n.getUILanguage())) }),
          },
          ...LANGUAGES.map((language) => ({ value: language.code, label: language.name, lang: language.code })),
        ]}
        onChange={(value) => (value === 'auto' || isLanguageCode(value)) && void update({ uiLanguage: value })}
      />
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguageCode } from '@/lib/languages';
import { DETAIL_LEVELS, isDetailLevel } from '@/lib/prompt/detail';
import { STYLE_IDS, isStyleId } from '@/lib/prompt/styles';
import { TIMEOUT_RANGE } from '@/lib/settings';
import { CheckField } from './check-field';
import { ConcurrencyField } from './concurrency-field';
import { Field } from './field';
import { HoverButtonField } from './hover-button-field';
import { NumberInput } from './number-input';
import { SelectField } from './select-field';
import { useSettingsStore } from './settings-store';

/**
 * Default style, detail, the language prompts are written in, the timeout, how many at once, and preparing at menu
 * open.
 */
export function PromptSection() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  if (!settings) return null;
  return (
    <section className="card">
      <h2>{t('options.promptSection')}</h2>
      <SelectField
        label={t('options.defaultStyle')}
        value={settings.defaultStyle}
        choices={STYLE_IDS.map((style) => ({ value: style, label: t(`styles.${style}`) }))}
        onChange={(value) => isStyleId(value) && void update({ defaultStyle: value })}
      />
      <SelectField
        label={t('options.detail')}
        hint={t('options.detailHint')}
        value={settings.defaultDetail}
        choices={DETAIL_LEVELS.map((level) => ({ value: level, label: t(`detail.${level}`) }))}
        onChange={(value) => isDetailLevel(value) && void update({ defaultDetail: value })}
      />
      <SelectField
        label={t('options.promptLanguage')}
        hint={t('options.promptLanguageHint')}
        value={settings.promptLanguage}
        choices={LANGUAGES.map((language) => ({ value: language.code, label: language.name, lang: language.code }))}
        onChange={(value) => isLanguageCode(value) && void update({ promptLanguage: value })}
      />
      <Field label={t('options.timeout')} hint={t('options.timeoutHint')}>
        {(id, hintId) => (
          <NumberInput
            id={id}
            hintId={hintId}
            value={settings.timeoutSeconds}
            min={TIMEOUT_RANGE.min}
            max={TIMEOUT_RANGE.max}
            step={5}
            onCommit={(value) => value !== null && void update({ timeoutSeconds: value })}
          />
        )}
      </Field>
      <ConcurrencyField />
      <HoverButtonField />
      <CheckField
        id="prepare"
        label={t('prepare.setting')}
        hint={t('prepare.settingHint')}
        checked={settings.prepareOnMenu}
        onChange={(checked) => void update({ prepareOnMenu: checked })}
      />
    </section>
  );
}

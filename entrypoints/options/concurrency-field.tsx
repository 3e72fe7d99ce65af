import { useTranslation } from 'react-i18next';
import { CONCURRENCY_RANGE } from '@/lib/settings';
import { Field } from './field';
import { NumberInput } from './number-input';
import { useSettingsStore } from './settings-store';

/** How many prompts go to the provider at once; the rest wait in line (rate limits). */
export function ConcurrencyField() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  if (!settings) return null;
  return (
    <Field label={t('queue.concurrency')} hint={t('queue.concurrencyHint')}>
      {(id, hintId) => (
        <NumberInput
          id={id}
          hintId={hintId}
          value={settings.concurrency}
          min={CONCURRENCY_RANGE.min}
          max={CONCURRENCY_RANGE.max}
          onCommit={(value) => value !== null && void update({ concurrency: value })}
        />
      )}
    </Field>
  );
}

import { useTranslation } from 'react-i18next';
import { STYLIZE_RANGE } from '@/lib/settings';
import { Field } from './field';
import { NumberInput } from './number-input';
import { SelectField } from './select-field';
import { useSettingsStore } from './settings-store';

const VERSIONS = ['', '7', '6.1', '6', 'niji 6'];

/** --v, --style raw and --stylize, appended after the --ar we compute. */
export function MidjourneySection() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  if (!settings) return null;
  const mj = settings.midjourney;
  const set = (patch: Partial<typeof mj>) => void update({ midjourney: { ...mj, ...patch } });
  return (
    <section className="card">
      <h2>{t('options.midjourneySection')}</h2>
      <p className="small muted hint">{t('options.midjourneyHint')}</p>
      <SelectField
        label={t('options.mjVersion')}
        value={VERSIONS.includes(mj.version) ? mj.version : ''}
        choices={VERSIONS.map((version) => ({
          value: version,
          label: version
            ? version.startsWith('niji')
              ? `--${version}`
              : `--v ${version}`
            : t('options.mjVersionDefault'),
        }))}
        onChange={(version) => set({ version })}
      />
      <label className="check">
        <input type="checkbox" checked={mj.styleRaw} onChange={(e) => set({ styleRaw: e.target.checked })} />
        {t('options.styleRaw')}
      </label>
      <Field label={t('options.stylize')} hint={t('options.stylizeHint')}>
        {(id, hintId) => (
          <NumberInput
            id={id}
            hintId={hintId}
            value={mj.stylize}
            min={STYLIZE_RANGE.min}
            max={STYLIZE_RANGE.max}
            step={50}
            allowEmpty
            onCommit={(stylize) => set({ stylize })}
          />
        )}
      </Field>
    </section>
  );
}

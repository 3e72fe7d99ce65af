import { useTranslation } from 'react-i18next';
import {
  addVisionModel,
  defaultTarget,
  isDefaultModel,
  MAX_SAVED_MODELS,
  removeVisionModel,
} from '@/lib/compare-models/vision-models';
import { providerLabel } from '@/lib/providers/provider-names';
import { useSettingsStore } from './settings-store';

/**
 * Saved vision models for Compare models. The vision settings above stay the default: "Save as
 * vision model" keeps what they say now, "Make default" puts a saved one back into them.
 */
export function VisionModelsSection() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  const makeDefault = useSettingsStore((state) => state.makeDefaultModel);
  if (!settings) return null;
  const list = settings.visionModels;
  const current = defaultTarget(settings);
  const saved = list.some((m) => isDefaultModel(settings, m));
  return (
    <section className="card" aria-labelledby="vision-models">
      <h2 id="vision-models">{t('compareModels.savedModels')}</h2>
      <p className="small muted hint">{t('compareModels.savedHint')}</p>
      <ul className="vision-models">
        {list.map((m) => {
          const name = `${providerLabel(m.provider, t)} · ${m.model}`;
          const isDefault = isDefaultModel(settings, m);
          return (
            <li key={m.id} className="row">
              <span className="vision-model-name">
                <bdi>{name}</bdi>
                {isDefault && <strong className="small"> · {t('compareModels.isDefault')}</strong>}
                <br />
                <bdi className="small muted" dir="ltr">
                  {m.baseUrl}
                </bdi>
              </span>
              <span className="spacer" />
              {!isDefault && (
                <button
                  type="button"
                  aria-label={`${t('compareModels.makeDefault')}: ${name}`}
                  onClick={() => void makeDefault(m)}
                >
                  {t('compareModels.makeDefault')}
                </button>
              )}
              <button
                type="button"
                aria-label={`${t('compareModels.remove')}: ${name}`}
                onClick={() => void update({ visionModels: removeVisionModel(list, m.id) })}
              >
                {t('compareModels.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <div className="row">
        <button
          type="button"
          disabled={saved || !current.model || list.length >= MAX_SAVED_MODELS}
          onClick={() => void update({ visionModels: addVisionModel(list, current, crypto.randomUUID()) })}
        >
          {t('compareModels.saveCurrent')}
        </button>
      </div>
    </section>
  );
}

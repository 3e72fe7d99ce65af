import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { useTranslation } from 'react-i18next';
import { FAL_SIZE_PRESETS } from '@/lib/generation/image-size';
import {
  IMAGE_PRESETS,
  IMAGE_PROVIDER_IDS,
  imageModelCaps,
  isImageProviderId,
  type SizeRule,
} from '@/lib/generation/presets';
import { providerName } from '@/lib/providers/provider-names';
import { IMAGE_TIMEOUT_RANGE, MAX_ROUNDS_RANGE, TARGET_SCORE_RANGE } from '@/lib/settings';
import { Field } from './field';
import { NumberInput } from './number-input';
import { SelectField } from './select-field';
import { useSettingsStore } from './settings-store';
import { TextWithDefault } from './text-with-default';

/** The anchor Recreate's "Open settings" lands on. */
export const IMAGE_SECTION_ID = 'image-generation';

/** What "Image size" offers besides "auto": the sizes or ratios the model takes. */
function sizeChoices(rule: SizeRule): string[] {
  switch (rule.kind) {
    case 'sizes':
      return [...rule.sizes];
    case 'aspect':
      return [...rule.ratios];
    case 'fal':
      return Object.values(FAL_SIZE_PRESETS).map(([w, h]) => `${w}x${h}`);
    case 'free':
      return ['1:1', '3:2', '2:3', '4:3', '3:4', '16:9', '9:16'];
    case 'none':
      return [];
  }
}

/**
 * Recreate's image provider: provider, base URL, key (or the shared vision key), model, size, timeout; when Refine and
 * recreate stops.
 */
export function ImageGenerationSection() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const keys = useSettingsStore((state) => state.keys);
  const imageKeys = useSettingsStore((state) => state.imageKeys);
  const update = useSettingsStore((state) => state.update);
  const updateConnection = useSettingsStore((state) => state.updateImageConnection);
  const setImageKey = useSettingsStore((state) => state.setImageKey);
  const ref = useRef<HTMLElement>(null);
  // Opened from the Compare page's "Open settings": land here, on the first control.
  useEffect(() => {
    if (location.hash !== `#${IMAGE_SECTION_ID}`) return;
    ref.current?.scrollIntoView();
    ref.current?.querySelector('select')?.focus();
  }, []);
  if (!settings) return null;
  const id = settings.imageProvider;
  const preset = id ? IMAGE_PRESETS[id] : undefined;
  const connection = id ? settings.imageConnections[id] : undefined;
  const shared = preset?.visionProvider;
  const sizes =
    preset && connection ? sizeChoices(imageModelCaps(preset, connection.model || preset.defaultModel).sizing) : [];
  return (
    <section className="card" id={IMAGE_SECTION_ID} ref={ref}>
      <h2>{t('generation.section')}</h2>
      <SelectField
        label={t('generation.provider')}
        value={id ?? ''}
        choices={[
          { value: '', label: t('generation.notSetUp') },
          ...IMAGE_PROVIDER_IDS.map((p) => ({ value: p, label: IMAGE_PRESETS[p].name })),
        ]}
        onChange={(value) => void update({ imageProvider: isImageProviderId(value) ? value : null })}
      />
      {preset && connection && (
        <>
          <Field
            label={t('generation.baseUrl')}
            hint={
              preset.local
                ? t('generation.localHint', { origin: browser.runtime.getURL('/').replace(/\/$/, '') })
                : undefined
            }
          >
            {(fieldId, hintId) => (
              <TextWithDefault
                id={fieldId}
                hintId={hintId}
                type="url"
                placeholder="https://…/v1"
                value={connection.baseUrl}
                fallback={preset.baseUrl}
                onChange={(baseUrl) => void updateConnection({ baseUrl })}
              />
            )}
          </Field>
          <Field
            label={t('generation.apiKey')}
            hint={
              <>
                {shared
                  ? t('generation.apiKeyShared', { provider: providerName(shared, t) })
                  : preset.needsKey
                    ? t('options.apiKeyHint', { provider: preset.name })
                    : t('options.apiKeyOptional')}
                {preset.keyUrl && (
                  <>
                    {' '}
                    <a href={preset.keyUrl} target="_blank" rel="noreferrer">
                      {t('options.getKey')}
                    </a>
                  </>
                )}
              </>
            }
          >
            {(fieldId, hintId) => (
              <input
                id={fieldId}
                type="password"
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                aria-describedby={hintId}
                placeholder={shared && keys[shared] ? '••••••••' : undefined}
                value={imageKeys[preset.id] ?? ''}
                onChange={(e) => void setImageKey(e.target.value.trim())}
              />
            )}
          </Field>
          <Field
            label={t('generation.model')}
            hint={preset.defaultModel ? t('options.modelHint', { model: preset.defaultModel }) : undefined}
          >
            {(fieldId, hintId) => (
              <TextWithDefault
                id={fieldId}
                hintId={hintId}
                type="text"
                value={connection.model}
                fallback={preset.defaultModel}
                onChange={(model) => void updateConnection({ model })}
              />
            )}
          </Field>
          <SelectField
            label={t('generation.size')}
            value={sizes.includes(settings.imageSize) ? settings.imageSize : 'auto'}
            choices={[
              { value: 'auto', label: t('generation.sizeAuto') },
              ...sizes.map((s) => ({ value: s, label: s.replace('x', ' × ') })),
            ]}
            onChange={(imageSize) => void update({ imageSize })}
          />
        </>
      )}
      <Field label={t('generation.timeout')}>
        {(fieldId) => (
          <NumberInput
            id={fieldId}
            value={settings.imageTimeoutSeconds}
            min={IMAGE_TIMEOUT_RANGE.min}
            max={IMAGE_TIMEOUT_RANGE.max}
            onCommit={(value) => value !== null && void update({ imageTimeoutSeconds: value })}
          />
        )}
      </Field>
      <Field label={t('score.targetScore')}>
        {(fieldId) => (
          <NumberInput
            id={fieldId}
            value={settings.targetScore}
            min={TARGET_SCORE_RANGE.min}
            max={TARGET_SCORE_RANGE.max}
            onCommit={(value) => value !== null && void update({ targetScore: value })}
          />
        )}
      </Field>
      <Field label={t('score.maxRounds')} hint={t('score.roundsHint')}>
        {(fieldId, hintId) => (
          <NumberInput
            id={fieldId}
            hintId={hintId}
            value={settings.maxRounds}
            min={MAX_ROUNDS_RANGE.min}
            max={MAX_ROUNDS_RANGE.max}
            onCommit={(value) => value !== null && void update({ maxRounds: value })}
          />
        )}
      </Field>
    </section>
  );
}

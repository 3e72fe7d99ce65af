import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageModelApi } from '@/lib/providers/on-device';
import { PRESETS, PROVIDER_IDS, isProviderId, type ProviderId } from '@/lib/providers/presets';
import { providerLabel, providerName } from '@/lib/providers/provider-names';
import { ConnectionTest } from './connection-test';
import { Field } from './field';
import { OnDeviceStatus } from './on-device-status';
import { SelectField } from './select-field';
import { useSettingsStore } from './settings-store';
import { TextWithDefault } from './text-with-default';

/** The on-device model is offered only where the browser has the Prompt API (not Firefox, not older Chrome). */
function offered(id: ProviderId, current: ProviderId): boolean {
  return PRESETS[id].kind !== 'on-device' || id === current || languageModelApi() !== undefined;
}

/** Provider, base URL, key, model, and Test connection; for the on-device model, its state instead. */
export function ProviderSection() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const keys = useSettingsStore((state) => state.keys);
  const update = useSettingsStore((state) => state.update);
  const updateConnection = useSettingsStore((state) => state.updateConnection);
  const setKey = useSettingsStore((state) => state.setKey);
  const forgetKey = useSettingsStore((state) => state.forgetKey);
  const [showKey, setShowKey] = useState(false);
  if (!settings) return null;
  const preset = PRESETS[settings.provider];
  const connection = settings.connections[settings.provider];
  const name = providerName(settings.provider, t);
  const key = keys[settings.provider] ?? '';
  const picker = (
    <SelectField
      label={t('options.provider')}
      value={settings.provider}
      choices={PROVIDER_IDS.filter((p) => offered(p, settings.provider)).map((p) => ({
        value: p,
        label: providerLabel(p, t),
      }))}
      onChange={(value) => isProviderId(value) && void update({ provider: value })}
    />
  );
  if (preset.kind === 'on-device') {
    return (
      <section className="card">
        <h2>{t('options.providerSection')}</h2>
        {picker}
        <OnDeviceStatus promptLanguage={settings.promptLanguage} />
      </section>
    );
  }
  return (
    <section className="card">
      <h2>{t('options.providerSection')}</h2>
      {picker}
      <Field label={t('options.baseUrl')} hint={t('options.baseUrlHint')}>
        {(id, hintId) => (
          <TextWithDefault
            id={id}
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
        label={t('options.apiKey')}
        hint={
          <>
            {preset.needsKey ? t('options.apiKeyHint', { provider: name }) : t('options.apiKeyOptional')}
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
        {(id, hintId) => (
          <div className="row nowrap">
            <input
              id={id}
              type={showKey ? 'text' : 'password'}
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={hintId}
              value={key}
              onChange={(e) => void setKey(e.target.value.trim())}
            />
            <button type="button" onClick={() => setShowKey(!showKey)} aria-pressed={showKey}>
              {showKey ? t('options.hideKey') : t('options.showKey')}
            </button>
            <button type="button" onClick={() => void forgetKey()} disabled={!key}>
              {t('privacy.options.forgetKey')}
            </button>
          </div>
        )}
      </Field>
      <Field
        label={t('options.model')}
        hint={preset.defaultModel ? t('options.modelHint', { model: preset.defaultModel }) : undefined}
      >
        {(id, hintId) => (
          <TextWithDefault
            id={id}
            hintId={hintId}
            type="text"
            value={connection.model}
            fallback={preset.defaultModel}
            onChange={(model) => void updateConnection({ model })}
          />
        )}
      </Field>
      {preset.setupHelpKey && (
        <p className="small note">{t(preset.setupHelpKey, { model: connection.model || preset.defaultModel })}</p>
      )}
      <ConnectionTest key={settings.provider} settings={settings} />
    </section>
  );
}

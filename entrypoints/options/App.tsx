import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { providerLabel, providerName } from '@/lib/providers/provider-names';
import { STYLE_IDS, isStyleId } from '@/lib/prompt/styles';
import { PRESETS, PROVIDER_IDS, isProviderId } from '@/lib/providers/presets';
import { LANGUAGES, isLanguageCode, languageName, matchLanguage } from '@/lib/languages';
import { TIMEOUT_RANGE } from '@/lib/settings';
import { browser } from 'wxt/browser';
import { ConnectionTest } from './connection-test';
import { TextWithDefault } from './text-with-default';
import { useSettingsStore } from './settings-store';

function Field({ label, hint, children }: { label: string; hint?: React.ReactNode; children: (id: string, hintId?: string) => React.ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && <p id={hintId} className="small muted hint">{hint}</p>}
    </div>
  );
}

export default function App() {
  const { t } = useTranslation();
  const { settings, keys, savedAt, hydrate, update, updateConnection, setKey } = useSettingsStore();
  const [showKey, setShowKey] = useState(false);
  useEffect(() => void hydrate(), [hydrate]);
  useEffect(() => {
    document.title = t('options.title');
  }, [t]);
  if (!settings) return null;

  const preset = PRESETS[settings.provider];
  const connection = settings.connections[settings.provider];
  const name = providerName(settings.provider, t);
  const key = keys[settings.provider] ?? '';

  return (
    <main className="options">
      <header>
        <h1>{t('options.title')}</h1>
        <span role="status" className="small muted saved">{savedAt ? t('options.saved') : ''}</span>
      </header>

      <section className="card">
        <h2>{t('options.providerSection')}</h2>
        <Field label={t('options.provider')}>
          {(id) => (
            <select id={id} value={settings.provider} onChange={(e) => isProviderId(e.target.value) && void update({ provider: e.target.value })}>
              {PROVIDER_IDS.map((p) => (
                <option key={p} value={p}>{providerLabel(p, t)}</option>
              ))}
            </select>
          )}
        </Field>
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
                  <a href={preset.keyUrl} target="_blank" rel="noreferrer">{t('options.getKey')}</a>
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
                autoComplete="off"
                spellCheck={false}
                aria-describedby={hintId}
                value={key}
                onChange={(e) => void setKey(e.target.value.trim())}
              />
              <button type="button" onClick={() => setShowKey(!showKey)} aria-pressed={showKey}>
                {showKey ? t('options.hideKey') : t('options.showKey')}
              </button>
            </div>
          )}
        </Field>
        <Field label={t('options.model')} hint={preset.defaultModel ? t('options.modelHint', { model: preset.defaultModel }) : undefined}>
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
        {settings.provider === 'ollama' && <p className="small note">{t('options.localHelpOllama', { model: connection.model || preset.defaultModel })}</p>}
        {settings.provider === 'lmstudio' && <p className="small note">{t('options.localHelpLmstudio')}</p>}
        <ConnectionTest key={settings.provider} settings={settings} />
      </section>

      <section className="card">
        <h2>{t('options.promptSection')}</h2>
        <Field label={t('options.defaultStyle')}>
          {(id) => (
            <select id={id} value={settings.defaultStyle} onChange={(e) => isStyleId(e.target.value) && void update({ defaultStyle: e.target.value })}>
              {STYLE_IDS.map((style) => (
                <option key={style} value={style}>{t(`styles.${style}`)}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('options.timeout')} hint={t('options.timeoutHint')}>
          {(id, hintId) => (
            <input
              id={id}
              type="number"
              min={TIMEOUT_RANGE.min}
              max={TIMEOUT_RANGE.max}
              step={5}
              aria-describedby={hintId}
              defaultValue={settings.timeoutSeconds}
              onBlur={(e) => (e.target.value = String(settings.timeoutSeconds))}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (Number.isFinite(value) && value >= TIMEOUT_RANGE.min && value <= TIMEOUT_RANGE.max) void update({ timeoutSeconds: value });
              }}
            />
          )}
        </Field>
      </section>

      <section className="card">
        <h2>{t('options.languageSection')}</h2>
        <Field label={t('options.interfaceLanguage')} hint={t('options.interfaceLanguageHint')}>
          {(id, hintId) => (
            <select
              id={id}
              aria-describedby={hintId}
              value={settings.uiLanguage}
              onChange={(e) => {
                const value = e.target.value;
                if (value === 'auto' || isLanguageCode(value)) void update({ uiLanguage: value });
              }}
            >
              <option value="auto">{t('options.browserDefault', { language: languageName(matchLanguage(browser.i18n.getUILanguage())) })}</option>
              {LANGUAGES.map((language) => (
                <option key={language.code} value={language.code} lang={language.code}>{language.name}</option>
              ))}
            </select>
          )}
        </Field>
      </section>

      <p className="small muted privacy">{t('options.privacy')}</p>
    </main>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '@/components/error-panel';
import { providerName } from '@/lib/providers/provider-names';
import { sendMessage, type ConnectionCheck } from '@/lib/messaging';
import type { Settings } from '@/lib/settings';

/** "Test connection": one real request with what is saved, and a plain answer. */
export function ConnectionTest({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionCheck>();
  const run = async () => {
    setBusy(true);
    setResult(undefined);
    try {
      setResult(await sendMessage('testConnection'));
    } catch (error) {
      setResult({ ok: false, error: { code: 'unknown', detail: String(error) } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="connection-test">
      <div className="row">
        <button type="button" onClick={run} disabled={busy}>
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t('options.testing') : t('options.testConnection')}
        </button>
      </div>
      <div role="status">
        {result?.ok && <p className="ok">{t('options.testOk', { model: result.model, ms: result.ms })}</p>}
      </div>
      {result && !result.ok && (
        <ErrorPanel
          error={result.error}
          provider={providerName(settings.provider, t)}
          model={settings.connections[settings.provider].model}
        />
      )}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendMessage } from '@/lib/messaging';
import { deleteAllData } from '@/lib/privacy/delete-all-data';
import { useSettingsStore } from './settings-store';

type Step =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'busy' }
  | { kind: 'done'; keptKeys: boolean }
  | { kind: 'failed'; detail: string };

/** "Delete all data", behind a confirmation that says what goes and asks about the keys. */
export function DeleteAllData() {
  const { t } = useTranslation();
  const hydrate = useSettingsStore((s) => s.hydrate);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [forgetKeys, setForgetKeys] = useState(false);
  const run = async () => {
    setStep({ kind: 'busy' });
    try {
      await deleteAllData({ forgetKeys, cancel: (id) => sendMessage('cancelJob', id) });
      await hydrate();
      setStep({ kind: 'done', keptKeys: !forgetKeys });
    } catch (error) {
      setStep({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  };
  if (step.kind === 'confirm' || step.kind === 'busy') {
    return (
      <fieldset className="danger-zone" aria-labelledby="delete-all-title">
        <strong id="delete-all-title">{t('privacy.options.confirmTitle')}</strong>
        <p className="small">{t('privacy.options.deleteAllHint')}</p>
        <label className="check">
          <input type="checkbox" checked={forgetKeys} onChange={(e) => setForgetKeys(e.target.checked)} />
          {t('privacy.options.forgetKeys')}
        </label>
        <div className="row">
          {/* biome-ignore lint/a11y/noAutofocus: the confirmation replaces the button that had focus */}
          <button type="button" className="danger" onClick={() => void run()} disabled={step.kind === 'busy'} autoFocus>
            {t('privacy.options.confirmDelete')}
          </button>
          <button type="button" onClick={() => setStep({ kind: 'idle' })} disabled={step.kind === 'busy'}>
            {t('privacy.options.cancel')}
          </button>
        </div>
      </fieldset>
    );
  }
  return (
    <div className="row">
      <button type="button" onClick={() => setStep({ kind: 'confirm' })}>
        {t('privacy.options.deleteAll')}
      </button>
      <span role="status" className="small muted">
        {step.kind === 'done' && t(step.keptKeys ? 'privacy.options.deletedKeptKeys' : 'privacy.options.deleted')}
      </span>
      {step.kind === 'failed' && (
        <p role="alert" className="error small">
          {t('privacy.options.deleteFailed', { detail: step.detail })}
        </p>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { generationMessageKey, nextStep } from '@/lib/generation/generation-error';
import type { StoredGeneration } from '@/lib/history/generation-types';
import { sendMessage } from '@/lib/messaging';

const openImageSettings = () =>
  void browser.tabs.create({ url: browser.runtime.getURL('/options.html#image-generation') });

/** Where a recreation stands while there is no picture: progress with Cancel, or the failure with its next step. */
export function GenerationStatus({ generation }: { generation: StoredGeneration }) {
  const { t } = useTranslation();
  if (generation.status === 'running') {
    const progress = generation.progress ?? { phase: 'submitted' };
    return (
      <div className="placeholder" role="status" aria-live="polite">
        <p>
          {progress.phase === 'queued'
            ? t('generation.queued', { position: progress.position + 1 })
            : t(`generation.${progress.phase}`)}
        </p>
        <progress aria-label={t('generation.recreation')} />
        <div className="row">
          <button type="button" onClick={() => void sendMessage('cancelGeneration', generation.id)}>
            {t('popup.cancel')}
          </button>
        </div>
      </div>
    );
  }
  if (generation.status !== 'failed' || !generation.error) return null;
  const { code, detail } = generation.error;
  const step = nextStep(code);
  return (
    <div className="placeholder error" role="alert">
      <strong>{t(generationMessageKey(code))}</strong>
      {detail && (
        <p className="detail small muted" dir="auto">
          {detail}
        </p>
      )}
      <div className="row">
        {step === 'open-settings' && (
          <button type="button" className="primary" onClick={openImageSettings}>
            {t('popup.openSettings')}
          </button>
        )}
        {step !== 'none' && (
          <button type="button" onClick={() => void sendMessage('recreateJob', generation.jobId)}>
            {t('popup.retry')}
          </button>
        )}
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { ErrorPanel } from '@/components/error-panel';
import { isConfigError, type JobError } from '@/lib/errors';
import type { ProviderId } from '@/lib/providers/presets';
import { providerName } from '@/lib/providers/provider-names';

/** A scoring or refining failure: the cause, the next step, and Retry (or the settings, when they are the fix). */
export function VisionError({
  error,
  provider,
  model,
  onRetry,
}: {
  error: JobError;
  provider: ProviderId;
  model: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ErrorPanel error={error} provider={providerName(provider, t)} model={model}>
      {isConfigError(error.code) && (
        <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openSettings')}
        </button>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('popup.retry')}
        </button>
      )}
    </ErrorPanel>
  );
}

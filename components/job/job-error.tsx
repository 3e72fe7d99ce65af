import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { ErrorPanel } from '@/components/error-panel';
import { isConfigError } from '@/lib/errors';
import type { Job } from '@/lib/jobs/types';
import { providerName } from '@/lib/providers/provider-names';

const openSettings = () => void browser.runtime.openOptionsPage();

/** A failed job's cause and next step: the settings when they are the cause, and Retry. */
export function JobError({ job, onRetry }: { job: Job; onRetry: () => void }) {
  const { t } = useTranslation();
  if (job.status !== 'failed' || !job.error) return null;
  return (
    <ErrorPanel error={job.error} provider={providerName(job.provider, t)} model={job.model}>
      {isConfigError(job.error.code) && (
        <button type="button" onClick={openSettings}>
          {t('popup.openSettings')}
        </button>
      )}
      <button type="button" onClick={onRetry}>
        {t('popup.retry')}
      </button>
    </ErrorPanel>
  );
}

import { browser } from 'wxt/browser';
import { useTranslation } from 'react-i18next';
import { isConfigError } from '@/lib/jobs/job-error';
import type { Job } from '@/lib/jobs/types';
import { sendMessage } from '@/lib/messaging';
import { CopyButton } from './copy-button';
import { ErrorPanel } from './error-panel';
import { ImagePreview } from './image-preview';
import { JobStatus } from './job-status';
import { providerName } from '@/lib/providers/provider-names';
import { formatBytes } from './format';

const openSettings = () => void browser.runtime.openOptionsPage();

/** One result: the prompt as it streams in, what to do with it, and what went wrong if anything. */
export function JobView({ job }: { job: Job }) {
  const { t, i18n } = useTranslation();
  const active = job.status === 'queued' || job.status === 'running';
  const provider = providerName(job.provider, t);
  return (
    <article className="job" aria-busy={active}>
      <header className="job-head">
        <ImagePreview blob={job.thumbnail} className="thumb" />
        <div>
          <h2>{t(`styles.${job.style}`)}</h2>
          <p className="small muted" style={{ margin: 0 }}>
            {provider} · <bdi>{job.model}</bdi> · {new Date(job.createdAt).toLocaleTimeString(i18n.language, { timeStyle: 'short' })}
          </p>
        </div>
      </header>
      <JobStatus job={job} />
      {(job.text || job.status === 'done') && (
        <div className="prompt" dir="auto" role="region" aria-label={t('popup.promptLabel')} aria-live="polite" tabIndex={0}>
          {job.text}
        </div>
      )}
      {job.status === 'failed' && job.error && (
        <ErrorPanel error={job.error} provider={provider} model={job.model}>
          {isConfigError(job.error.code) && (
            <button type="button" onClick={openSettings}>{t('popup.openSettings')}</button>
          )}
          <button type="button" onClick={() => void sendMessage('retryJob', job.id)}>{t('popup.retry')}</button>
        </ErrorPanel>
      )}
      <div className="row actions">
        {job.text && <CopyButton text={job.text} className="primary" />}
        {active && (
          <button type="button" onClick={() => void sendMessage('cancelJob', job.id)}>{t('popup.cancel')}</button>
        )}
      </div>
      <JobFacts job={job} />
    </article>
  );
}

function JobFacts({ job }: { job: Job }) {
  const { t, i18n } = useTranslation();
  const facts: string[] = [];
  if (job.image) {
    facts.push(t('popup.imageSize', { width: job.image.originalWidth, height: job.image.originalHeight }));
    facts.push(t('popup.sentSize', { width: job.image.width, height: job.image.height, size: formatBytes(job.image.bytes, i18n.language) }));
  }
  if (job.usage) {
    const n = new Intl.NumberFormat(i18n.language);
    facts.push(t('popup.tokens', { input: n.format(job.usage.promptTokens), output: n.format(job.usage.completionTokens) }));
  }
  return (
    <p className="small muted facts">
      {facts.join(' · ')}
      {job.source.pageUrl && /^https?:/.test(job.source.pageUrl) && (
        <>
          {facts.length > 0 && ' · '}
          <a href={job.source.pageUrl} target="_blank" rel="noreferrer" title={job.source.pageTitle}>
            {t('popup.sourcePage')}
          </a>
        </>
      )}
    </p>
  );
}

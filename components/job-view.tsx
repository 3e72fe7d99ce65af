import { browser } from 'wxt/browser';
import { useTranslation } from 'react-i18next';
import { isConfigError } from '@/lib/errors';
import type { Job } from '@/lib/jobs/types';
import { sendMessage } from '@/lib/messaging';
import { providerName } from '@/lib/providers/provider-names';
import type { CustomTemplate } from '@/lib/prompt/templates';
import { CopyButton } from './copy-button';
import { ErrorPanel } from './error-panel';
import { formatBytes } from './format';
import { ImagePreview } from './image-preview';
import { ImageVersions } from './image-versions';
import { jobTitle } from './job-title';
import { JobStatus } from './job-status';
import { PrivacyNotice } from './privacy-notice';
import { RegenerateForm } from './regenerate-form';

const openSettings = () => void browser.runtime.openOptionsPage();

interface Props {
  job: Job;
  templates: CustomTemplate[];
  onSelect: (jobId: string) => void;
}

/** One result: the prompt as it streams in, what to do with it, and what went wrong if anything. */
export function JobView({ job, templates, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const active = job.status === 'queued' || job.status === 'running';
  const provider = providerName(job.provider, t);
  const refusal = job.status === 'done' && job.kind === 'refusal';
  return (
    <article className="job" aria-busy={active}>
      <header className="job-head">
        <ImagePreview imageId={job.imageId} className="thumb" />
        <div>
          <h2>{jobTitle(job, t)}</h2>
          <p className="small muted" style={{ margin: 0 }}>
            {provider} · <bdi>{job.model}</bdi> · {new Date(job.createdAt).toLocaleTimeString(i18n.language, { timeStyle: 'short' })}
          </p>
        </div>
      </header>
      <ImageVersions job={job} onSelect={onSelect} />
      <JobStatus job={job} />
      {job.source.captured && <p className="small muted note-line">{t('popup.captured')}</p>}
      {refusal ? (
        <div className="refusal" role="status">
          <strong>{t('popup.refusalTitle')}</strong>
          <p className="small">{t('popup.refusalHint')}</p>
          <blockquote dir="auto">{job.text}</blockquote>
        </div>
      ) : (
        (job.text || job.status === 'done') && (
          <div
            className={job.kind === 'json' ? 'prompt json' : 'prompt'}
            dir="auto"
            role="region"
            aria-label={t('popup.promptLabel')}
            aria-live="polite"
            tabIndex={0}
          >
            {job.text}
          </div>
        )
      )}
      {job.status === 'failed' && job.error?.code === 'consent-required' && <PrivacyNotice key={job.id} job={job} />}
      {job.status === 'failed' && job.error && job.error.code !== 'consent-required' && (
        <ErrorPanel error={job.error} provider={provider} model={job.model}>
          {isConfigError(job.error.code) && (
            <button type="button" onClick={openSettings}>{t('popup.openSettings')}</button>
          )}
          <button type="button" onClick={() => void sendMessage('retryJob', job.id)}>{t('popup.retry')}</button>
        </ErrorPanel>
      )}
      <div className="row actions">
        {job.text && !refusal && <CopyButton text={job.text} className="primary" />}
        {active && (
          <button type="button" onClick={() => void sendMessage('cancelJob', job.id)}>{t('popup.cancel')}</button>
        )}
      </div>
      {!active && <RegenerateForm key={job.id} job={job} templates={templates} onStarted={onSelect} />}
      <JobFacts job={job} />
    </article>
  );
}

function JobFacts({ job }: { job: Job }) {
  const { t, i18n } = useTranslation();
  const facts: string[] = [];
  if (job.image) {
    // Pixel sizes are written plain (1600 × 1200), as image tools do, not as counts (1,600).
    facts.push(t('popup.imageSize', { width: String(job.image.originalWidth), height: String(job.image.originalHeight) }));
    // Prepared but waiting for the privacy OK: not "sent" yet.
    if (job.error?.code !== 'consent-required') {
      facts.push(t('popup.sentSize', { width: String(job.image.width), height: String(job.image.height), size: formatBytes(job.image.bytes, i18n.language) }));
    }
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

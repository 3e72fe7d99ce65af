import { useTranslation } from 'react-i18next';
import type { Job } from '@/lib/jobs/types';
import { sendMessage } from '@/lib/messaging';
import { providerName } from '@/lib/providers/provider-names';
import { styleOf } from '@/lib/prompt/styles';
import type { CustomTemplate } from '@/lib/prompt/templates';
import { CopyButton } from '@/components/copy-button';
import { ImagePreview } from '@/components/image-preview';
import { SendToMenu } from '@/components/send-to-menu';
import { AltTextCopy, PageAltText } from './alt-text-copy';
import { CompareModelsButton } from './compare-models-button';
import { ImageVersions } from './image-versions';
import { JobError } from './job-error';
import { JobAnnouncer } from './job-announcer';
import { JobFacts } from './job-facts';
import { jobTitle } from './job-title';
import { JobStatus } from './job-status';
import { PrivacyNotice } from './privacy-notice';
import { PromptText } from './prompt-text';
import { RegenerateForm } from './regenerate-form';
import './job-view.css';

interface Props {
  job: Job;
  templates: CustomTemplate[];
  onSelect: (jobId: string) => void;
}

/**
 * One result: the prompt as it streams in, what to do with it, and what went wrong if anything.
 * Keys here are per job (state resets for another job) and unique among the article's children:
 * two siblings with one key left the privacy notice on screen after "Send" (React matched the
 * new Regenerate form against the notice and lost the notice's DOM).
 */
export function JobView({ job, templates, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const active = job.status === 'queued' || job.status === 'running';
  const provider = providerName(job.provider, t);
  const refusal = job.status === 'done' && job.kind === 'refusal';
  const altText = !job.template && styleOf(job.style).altText === true;
  return (
    <article className="job" aria-busy={active}>
      <header className="job-head">
        <ImagePreview imageId={job.imageId} className="thumb" />
        <div>
          <h2>{jobTitle(job, t)}</h2>
          <p className="small muted" style={{ margin: 0 }}>
            {provider} · <bdi>{job.model}</bdi> ·{' '}
            {new Date(job.createdAt).toLocaleTimeString(i18n.language, { timeStyle: 'short' })}
          </p>
        </div>
      </header>
      <ImageVersions job={job} onSelect={onSelect} />
      <JobStatus job={job} />
      <JobAnnouncer job={job} />
      {job.source.captured && <p className="small muted note-line">{t('popup.captured')}</p>}
      {refusal ? (
        <div className="refusal">
          <strong>{t('popup.refusalTitle')}</strong>
          <p className="small">{t('popup.refusalHint')}</p>
          <blockquote dir="auto">{job.text}</blockquote>
        </div>
      ) : (
        (job.text || job.status === 'done') && <PromptText job={job} />
      )}
      {altText && job.source.alt && <PageAltText alt={job.source.alt} />}
      {job.status === 'failed' && job.error?.code === 'consent-required' && (
        <PrivacyNotice key={`consent-${job.id}`} job={job} />
      )}
      {job.status === 'failed' && job.error && job.error.code !== 'consent-required' && (
        <JobError job={job} onRetry={() => void sendMessage('retryJob', job.id)} />
      )}
      <div className="row actions">
        {job.text &&
          !refusal &&
          (altText ? <AltTextCopy job={job} /> : <CopyButton text={job.text} className="primary" />)}
        {job.text && !refusal && <SendToMenu text={job.text} />}
        {job.status === 'done' && job.text && !refusal && (
          <button type="button" onClick={() => void sendMessage('recreateJob', job.id)}>
            {t('generation.recreate')}
          </button>
        )}
        {job.status === 'done' && job.text && !refusal && <CompareModelsButton job={job} />}
        {active && (
          <button type="button" onClick={() => void sendMessage('cancelJob', job.id)}>
            {t('popup.cancel')}
          </button>
        )}
      </div>
      {!active && <RegenerateForm key={`regenerate-${job.id}`} job={job} templates={templates} onStarted={onSelect} />}
      <JobFacts job={job} />
    </article>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '@/components/copy-button';
import { JobError } from '@/components/job/job-error';
import { JobStatus } from '@/components/job/job-status';
import { PromptText } from '@/components/job/prompt-text';
import { secondsOf, timingFigures } from '@/lib/compare-models/comparison';
import type { StoredGeneration } from '@/lib/history/generation-types';
import type { Job } from '@/lib/jobs/types';
import { sendMessage } from '@/lib/messaging';
import { providerLabel } from '@/lib/providers/provider-names';
import { ColumnRecreation } from './column-recreation';

/** Now, ticking while the answer streams, so its total time runs on screen. */
function useNow(ticking: boolean): number | undefined {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [ticking]);
  return ticking ? now : undefined;
}

/** Time to first token, total time and tokens, in the reader's number format. */
function Figures({ job }: { job: Job }) {
  const { t, i18n } = useTranslation();
  const figures = timingFigures(job.timing, useNow(job.status === 'running'));
  const time = (ms: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'second', unitDisplay: 'narrow' }).format(
      secondsOf(ms),
    );
  const n = new Intl.NumberFormat(i18n.language);
  const parts = [
    figures.firstTokenMs !== undefined && t('compareModels.firstToken', { time: time(figures.firstTokenMs) }),
    figures.totalMs !== undefined && t('compareModels.total', { time: time(figures.totalMs) }),
    job.usage &&
      t('popup.tokens', { input: n.format(job.usage.promptTokens), output: n.format(job.usage.completionTokens) }),
  ].filter(Boolean);
  return <p className="small muted figures">{parts.join(' · ')}</p>;
}

/** One model's column: its prompt as it streams, its figures, its failure with Retry, its recreation. */
export function ComparisonColumn({ job, generation }: { job: Job; generation?: StoredGeneration }) {
  const { t } = useTranslation();
  const headingId = `column-${job.id}`;
  const refusal = job.status === 'done' && job.kind === 'refusal';
  return (
    <article className="model-column" aria-labelledby={headingId} aria-busy={job.status === 'running'}>
      <h3 id={headingId}>
        <bdi>
          {providerLabel(job.provider, t)} · {job.model}
        </bdi>
      </h3>
      <JobStatus job={job} />
      <Figures job={job} />
      {refusal && <strong className="small">{t('popup.refusalTitle')}</strong>}
      {(job.text || job.status === 'done') && <PromptText job={job} name={job.model} />}
      <JobError job={job} onRetry={() => void sendMessage('retryComparisonColumn', job.id)} />
      {job.status === 'done' && job.text && !refusal && (
        <div className="row">
          <CopyButton text={job.text} />
        </div>
      )}
      {generation && <ColumnRecreation generation={generation} label={`${job.model}`} />}
    </article>
  );
}

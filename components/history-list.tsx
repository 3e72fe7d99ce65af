import { useTranslation } from 'react-i18next';
import type { Job } from '@/lib/jobs/types';
import { ImagePreview } from './image-preview';
import { describeError } from '@/lib/jobs/describe-error';
import { jobTitle } from './job-title';
import { providerName } from '@/lib/providers/provider-names';

interface Props {
  jobs: Job[];
  selectedImageId?: string;
  onSelect: (id: string) => void;
}

/** One row per image: its newest prompt (its other prompts are a click away, above). */
function newestPerImage(jobs: Job[]): Job[] {
  const seen = new Set<string>();
  return jobs.filter((job) => !seen.has(job.imageId) && seen.add(job.imageId));
}

/** Recent results, newest first; choosing one shows it above. */
export function HistoryList({ jobs, selectedImageId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const preview = (job: Job) => {
    if (job.kind === 'refusal') return t('popup.refusalTitle');
    if (job.text) return job.text;
    if (job.error) return describeError(job.error, { provider: providerName(job.provider, t), model: job.model }, t).title;
    return t(`status.${job.status}`);
  };
  if (jobs.length === 0) return <p className="muted small">{t('popup.historyEmpty')}</p>;
  return (
    <ul className="history">
      {newestPerImage(jobs).map((job) => (
        <li key={job.id}>
          <button
            type="button"
            className="history-item"
            aria-current={job.imageId === selectedImageId ? 'true' : undefined}
            onClick={() => onSelect(job.id)}
          >
            <ImagePreview imageId={job.imageId} className="thumb small-thumb" />
            <span className="history-text">
              <span className="small muted">
                {jobTitle(job, t)} · {new Date(job.createdAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
                {job.status === 'failed' && ` · ${t('status.failed')}`}
              </span>
              <span className="history-preview" dir="auto">{preview(job)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

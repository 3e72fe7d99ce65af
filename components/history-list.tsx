import { useTranslation } from 'react-i18next';
import type { Job } from '@/lib/jobs/types';
import { ImagePreview } from './image-preview';
import { providerName } from '@/lib/providers/provider-names';

interface Props {
  jobs: Job[];
  selectedId?: string;
  onSelect: (id: string) => void;
}

/** Recent results, newest first; choosing one shows it above. */
export function HistoryList({ jobs, selectedId, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  if (jobs.length === 0) return <p className="muted small">{t('popup.historyEmpty')}</p>;
  return (
    <ul className="history">
      {jobs.map((job) => (
        <li key={job.id}>
          <button
            type="button"
            className="history-item"
            aria-current={job.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(job.id)}
          >
            <ImagePreview blob={job.thumbnail} className="thumb small-thumb" />
            <span className="history-text">
              <span className="small muted">
                {t(`styles.${job.style}`)} · {new Date(job.createdAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
                {job.status === 'failed' && ` · ${t('status.failed')}`}
              </span>
              <span className="history-preview" dir="auto">{job.text || (job.error ? t(`errors.${job.error.code}.title`, { provider: providerName(job.provider, t), model: job.model, status: job.error.status ?? '' }) : t(`status.${job.status}`))}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

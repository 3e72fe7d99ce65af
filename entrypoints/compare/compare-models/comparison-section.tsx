import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { anyActive, latestComparison, recreatable } from '@/lib/compare-models/comparison';
import { generationsFor } from '@/lib/history/generations';
import { jobsForImage } from '@/lib/jobs/job-store';
import { sendMessage } from '@/lib/messaging';
import { ComparisonColumn } from './comparison-column';
import './compare-models.css';

export const COMPARISON_HEADING_ID = 'compare-models-heading';

/** The entry's newest Compare models run: one column per model, streaming side by side. */
export function ComparisonSection({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const columns = useLiveQuery(async () => latestComparison(await jobsForImage(entryId)), [entryId], []);
  const generations = useLiveQuery(() => generationsFor(entryId), [entryId], []);
  if (columns.length === 0) return null;
  const active = anyActive(columns);
  const ready = recreatable(columns);
  const running = new Set(generations.filter((g) => g.status === 'running').map((g) => g.jobId));
  const recreateAll = () => {
    for (const job of ready) if (!running.has(job.id)) void sendMessage('recreateJob', job.id);
  };
  const cancelAll = () => {
    for (const job of columns)
      if (job.status === 'queued' || job.status === 'running') void sendMessage('cancelJob', job.id);
  };
  return (
    <section className="comparison" aria-labelledby={COMPARISON_HEADING_ID}>
      <header className="row">
        <h2 id={COMPARISON_HEADING_ID} tabIndex={-1}>
          {t('compareModels.title')}
        </h2>
        <span className="spacer" />
        <button type="button" disabled={ready.length === 0} onClick={recreateAll}>
          {t('compareModels.recreateAll')}
        </button>
        {active && (
          <button type="button" onClick={cancelAll}>
            {t('popup.cancel')}
          </button>
        )}
      </header>
      <div className="model-columns">
        {columns.map((job) => (
          <ComparisonColumn key={job.id} job={job} generation={generations.find((g) => g.jobId === job.id)} />
        ))}
      </div>
    </section>
  );
}

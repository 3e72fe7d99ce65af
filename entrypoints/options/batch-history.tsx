import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { listBatches } from '@/lib/batch/batch-store';
import { summarizeProgress } from '@/lib/batch/progress';

/** Every batch, newest first, each opening back into its Batch page (its images are ordinary history entries too). */
export function BatchHistory() {
  const { t, i18n } = useTranslation();
  const batches = useLiveQuery(() => listBatches(50), []);
  if (!batches?.length) return null;
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <h3>{t('batch.history')}</h3>
      <ul className="batch-history">
        {batches.map((batch) => {
          const progress = summarizeProgress(batch.items);
          return (
            <li key={batch.id}>
              <a href={browser.runtime.getURL(`/batch.html?batch=${batch.id}`)} target="_blank" rel="noreferrer">
                <bdi>{batch.pageTitle || batch.pageUrl}</bdi>
              </a>{' '}
              <span className="small muted">
                {dates.format(batch.createdAt)} · {t(`styles.${batch.style}`)} ·{' '}
                {t('batch.progress', { done: progress.counts.done, total: progress.total })} ·{' '}
                {t(`batch.state.${batch.state}`)}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '@/lib/jobs/types';

/** "Getting the image…", "Waiting for a free slot…", "Writing the prompt…", or a countdown while waiting to retry. */
export function JobStatus({ job }: { job: Job }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(Date.now());
  const waiting = job.retry && job.retry.until > now;
  useEffect(() => {
    if (!job.retry) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [job.retry]);
  if (job.status !== 'queued' && job.status !== 'running') return null;
  const label = waiting
    ? t('status.retrying', { status: job.retry?.status ?? '', count: Math.ceil((job.retry!.until - now) / 1000) })
    : job.status === 'queued' && job.ahead !== undefined
      ? job.ahead === 0
        ? t('queue.waitingNext')
        : t('queue.waiting', { count: job.ahead })
      : t(`status.${job.status}`);
  return (
    <p className="row small muted" role="status" style={{ margin: 0 }}>
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

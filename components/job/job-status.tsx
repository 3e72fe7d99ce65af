import { useEffect, useMemo, useState } from 'react';
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
  // The countdown ticks every second: a status region would re-read it each time, so screen
  // readers get the wait once, as it started, and the ticking number is only shown.
  const until = job.retry?.until;
  const startCount = useMemo(() => (until ? Math.ceil((until - Date.now()) / 1000) : 0), [until]);
  // The region stays in the page when there is nothing to say (out of sight, taking no room):
  // a live region that appears together with its text is often not read at all.
  if (job.status !== 'queued' && job.status !== 'running') return <p className="visually-hidden" role="status" />;
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
      {waiting ? (
        <>
          <span aria-hidden="true">{label}</span>
          <span className="visually-hidden">
            {t('status.retrying', { status: job.retry?.status ?? '', count: startCount })}
          </span>
        </>
      ) : (
        label
      )}
    </p>
  );
}

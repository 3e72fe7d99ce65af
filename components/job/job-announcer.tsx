import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '@/lib/jobs/types';
import { announcement } from './job-announcement';

/**
 * A polite live region out of sight: the visible prompt changes with every token and would be
 * re-read each time, so screen readers hear this instead (see `announcement`).
 */
export function JobAnnouncer({ job }: { job: Job }) {
  const { t } = useTranslation();
  // The job this view saw queued or running: only its completion is read out.
  const [watched, setWatched] = useState<string>();
  const active = job.status === 'queued' || job.status === 'running';
  useEffect(() => {
    if (active) setWatched(job.id);
  }, [active, job.id]);
  const said = announcement(job, watched === job.id);
  return (
    <p className="visually-hidden" role="status" data-testid="job-announcer">
      {said && (said.key === 'status.done' ? `${t(said.key)}: ${said.text}` : t(said.key))}
    </p>
  );
}

import type { Job } from '@/lib/jobs/types';

/** What a screen reader is told when a job ends, as a translation key (plus the finished text). */
export type Announcement = { key: 'status.done'; text: string } | { key: 'popup.refusalTitle' } | null;

/**
 * Said politely, once, when a job the user watched being written (`watched`) finishes: "Done"
 * with the finished prompt, never once per token. While it runs, JobStatus (a status region)
 * says "Getting the image…", "Writing the prompt…"; opening an old job from the history says
 * nothing; a failure says nothing here, its error panel is an alert of its own.
 */
export function announcement(job: Pick<Job, 'status' | 'kind' | 'text'>, watched: boolean): Announcement {
  if (job.status !== 'done' || !watched) return null;
  if (job.kind === 'refusal') return { key: 'popup.refusalTitle' };
  return { key: 'status.done', text: job.text };
}

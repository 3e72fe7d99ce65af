import type { TFunction } from 'i18next';
import type { Job } from '@/lib/jobs/types';

/** "Midjourney · Detailed", or a template's own name. */
export function jobTitle(job: Job, t: TFunction): string {
  const style = job.template ? job.template.name : t(`styles.${job.style}`);
  return `${style} · ${t(`detail.${job.detail ?? 'standard'}`)}`;
}

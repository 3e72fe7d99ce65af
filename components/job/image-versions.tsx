import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { jobsForImage } from '@/lib/jobs/job-store';
import type { Job } from '@/lib/jobs/types';
import { jobTitle } from './job-title';

/** Every prompt written for this image, side by side: choosing one shows it. */
export function ImageVersions({ job, onSelect }: { job: Job; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const versions = useLiveQuery(() => jobsForImage(job.imageId), [job.imageId]);
  if (!versions || versions.length < 2) return null;
  return (
    <nav className="versions" aria-label={t('popup.versions')}>
      {versions.map((version) => (
        <button
          key={version.id}
          type="button"
          className="chip"
          aria-pressed={version.id === job.id}
          onClick={() => onSelect(version.id)}
        >
          {jobTitle(version, t)}
        </button>
      ))}
    </nav>
  );
}

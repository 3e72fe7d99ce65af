import { useTranslation } from 'react-i18next';
import type { Job } from '@/lib/jobs/types';
import { sendMessage } from '@/lib/messaging';

/** Compare models: the entry's Compare page, its model picker open (the choosing needs more room than a popup). */
export function CompareModelsButton({ job }: { job: Job }) {
  const { t } = useTranslation();
  return (
    <button type="button" onClick={() => void sendMessage('openCompareModels', job.imageId)}>
      {t('compareModels.title')}
    </button>
  );
}

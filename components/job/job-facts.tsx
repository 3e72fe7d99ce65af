import { useTranslation } from 'react-i18next';
import { formatBytes } from '@/components/format';
import type { Job } from '@/lib/jobs/types';

/** Image size as found and as sent, tokens used, and a link to the page the image came from. */
export function JobFacts({ job }: { job: Job }) {
  const { t, i18n } = useTranslation();
  const facts: string[] = [];
  if (job.image) {
    // Pixel sizes are written plain (1600 × 1200), as image tools do, not as counts (1,600).
    facts.push(
      t('popup.imageSize', { width: String(job.image.originalWidth), height: String(job.image.originalHeight) }),
    );
    // Prepared but waiting for the privacy OK: not "sent" yet.
    if (job.error?.code !== 'consent-required') {
      facts.push(
        t('popup.sentSize', {
          width: String(job.image.width),
          height: String(job.image.height),
          size: formatBytes(job.image.bytes, i18n.language),
        }),
      );
    }
  }
  if (job.usage) {
    const n = new Intl.NumberFormat(i18n.language);
    facts.push(
      t('popup.tokens', { input: n.format(job.usage.promptTokens), output: n.format(job.usage.completionTokens) }),
    );
  }
  return (
    <p className="small muted facts">
      {facts.join(' · ')}
      {job.source.pageUrl && /^https?:/.test(job.source.pageUrl) && (
        <>
          {facts.length > 0 && ' · '}
          <a href={job.source.pageUrl} target="_blank" rel="noreferrer" title={job.source.pageTitle}>
            {t('popup.sourcePage')}
          </a>
        </>
      )}
    </p>
  );
}

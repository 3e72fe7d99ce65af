import { useTranslation } from 'react-i18next';
import type { Job } from '@/lib/jobs/types';

/**
 * The prompt as it streams in: the popup's result and each Compare models column. `name` tells
 * several on one page apart (a region's name must be unique).
 */
export function PromptText({ job, name }: { job: Job; name?: string }) {
  const { t } = useTranslation();
  return (
    <section
      className={job.kind === 'json' ? 'prompt json' : 'prompt'}
      dir="auto"
      aria-label={name ? `${t('popup.promptLabel')} · ${name}` : t('popup.promptLabel')}
      // Not a live region: it changes with every token. JobAnnouncer speaks for it.
      // Focusable: a long prompt scrolls, and a keyboard must be able to scroll it (axe: scrollable-region-focusable).
      // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
      tabIndex={0}
    >
      {job.text}
    </section>
  );
}

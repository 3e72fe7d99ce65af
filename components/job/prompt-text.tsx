import { useTranslation } from 'react-i18next';
import type { Job } from '@/lib/jobs/types';

/** The prompt as it streams in: the popup's result and each Compare models column. */
export function PromptText({ job }: { job: Job }) {
  const { t } = useTranslation();
  return (
    <section
      className={job.kind === 'json' ? 'prompt json' : 'prompt'}
      dir="auto"
      aria-label={t('popup.promptLabel')}
      // Not a live region: it changes with every token. JobAnnouncer speaks for it.
      // Focusable: a long prompt scrolls, and a keyboard must be able to scroll it (axe: scrollable-region-focusable).
      // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
      tabIndex={0}
    >
      {job.text}
    </section>
  );
}

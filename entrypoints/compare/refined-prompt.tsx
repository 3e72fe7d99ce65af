import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '@/components/copy-button';
import { db } from '@/lib/history/db';
import { sendMessage } from '@/lib/messaging';
import { VisionError } from './vision-error';

/** "Refine"'s new prompt, streaming in; then Copy and Recreate, or why it failed. */
export function RefinedPrompt({ jobId, onRetry }: { jobId: string; onRetry: () => void }) {
  const { t } = useTranslation();
  const job = useLiveQuery(() => db.jobs.get(jobId), [jobId]);
  if (!job) return null;
  const writing = job.status === 'queued' || job.status === 'running';
  return (
    <section className="refined" aria-labelledby="refined-title">
      <h3 id="refined-title" className="small">
        {t('score.refinedPrompt')}
      </h3>
      {job.text && job.kind !== 'refusal' && (
        <p className="prompt-sent" dir="auto" aria-busy={writing}>
          {job.text}
        </p>
      )}
      {job.status === 'failed' && job.error && (
        <VisionError error={job.error} provider={job.provider} model={job.model} onRetry={onRetry} />
      )}
      {job.kind === 'refusal' && (
        <VisionError error={{ code: 'refused' }} provider={job.provider} model={job.model} onRetry={onRetry} />
      )}
      {job.status === 'done' && job.kind !== 'refusal' && (
        <div className="row">
          <CopyButton text={job.text} />
          <button type="button" onClick={() => void sendMessage('recreateJob', job.id)}>
            {t('generation.recreate')}
          </button>
        </div>
      )}
    </section>
  );
}

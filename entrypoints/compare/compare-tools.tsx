import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '@/lib/history/db';
import type { StoredGeneration } from '@/lib/history/generation-types';
import { sendMessage } from '@/lib/messaging';
import { RefinedPrompt } from './refined-prompt';
import { latestRun } from './rounds-panel';
import { ScoreView } from './score-view';

/** "How close?", "Refine" and "Refine and recreate" for the recreation on show. */
export function CompareTools({
  generation,
  generations,
}: {
  generation?: StoredGeneration;
  generations: StoredGeneration[];
}) {
  const { t } = useTranslation();
  const refinedJobId = generation?.refinedJobId;
  const refined = useLiveQuery(async () => (refinedJobId ? db.jobs.get(refinedJobId) : undefined), [refinedJobId]);
  if (generation?.status !== 'done') return null;
  const id = generation.id;
  const scoring = generation.score?.status === 'running';
  const refining = refined?.status === 'queued' || refined?.status === 'running';
  const runActive = latestRun(generations)?.run.status === 'running';
  const busy = scoring || refining || runActive;
  return (
    <>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void sendMessage('scoreGeneration', id)}
        >
          {t('score.howClose')}
        </button>
        <button type="button" disabled={busy} onClick={() => void sendMessage('refinePrompt', id)}>
          {t('score.refine')}
        </button>
        <button type="button" disabled={busy} onClick={() => void sendMessage('refineAndRecreate', id)}>
          {t('score.refineAndRecreate')}
        </button>
      </div>
      {/* Polite: the verdict is read out when it replaces "Comparing the images…". */}
      <div aria-live="polite">
        <ScoreView generation={generation} />
      </div>
      {generation.refinedJobId && (
        <RefinedPrompt jobId={generation.refinedJobId} onRetry={() => void sendMessage('refinePrompt', id)} />
      )}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { StoredGeneration } from '@/lib/history/generation-types';
import { sendMessage } from '@/lib/messaging';
import { ScoreView } from '../score-view';

/** A column's "How close?": the same verdict as the main view's, on this column's recreation. */
export function ColumnScoreSlot({ generation }: { generation: StoredGeneration }) {
  const { t } = useTranslation();
  const scoring = generation.score?.status === 'running';
  return (
    <div className="column-score">
      {!generation.score?.verdict && (
        <button type="button" disabled={scoring} onClick={() => void sendMessage('scoreGeneration', generation.id)}>
          {t('score.howClose')}
        </button>
      )}
      <div aria-live="polite">
        <ScoreView generation={generation} />
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { StoredGeneration } from '@/lib/history/generation-types';
import { sendMessage } from '@/lib/messaging';
import { ASPECTS, type Verdict } from '@/lib/scoring/verdict-schema';
import { VisionError } from './vision-error';

export function ScoreValue({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <bdi className="score-value" dir="ltr">
      {t('score.outOf', { score })}
    </bdi>
  );
}

function VerdictView({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="score-overall">
        <ScoreValue score={verdict.overall} />
      </p>
      <dl className="sub-scores">
        {ASPECTS.map((aspect) => (
          <div key={aspect}>
            <dt>{t(`score.aspect_${aspect}`)}</dt>
            <dd>
              <meter min={0} max={100} low={50} high={80} optimum={100} value={verdict.scores[aspect]} />{' '}
              <bdi>{verdict.scores[aspect]}</bdi>
            </dd>
          </div>
        ))}
      </dl>
      {verdict.differences.length > 0 && (
        <>
          <h3 className="small">{t('score.differences')}</h3>
          <ul className="differences">
            {verdict.differences.map((d) => (
              <li key={d}>
                <bdi>{d}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * The verdict on one recreation: running with Cancel, the scores, or the failure with its next step. The caller's live
 * region reads it out.
 */
export function ScoreView({ generation }: { generation: StoredGeneration }) {
  const { t } = useTranslation();
  const score = generation.score;
  if (!score) return null;
  if (score.status === 'running')
    return (
      <div className="row">
        <span>
          {score.retry
            ? t('status.retrying', {
                status: score.retry.status ?? '',
                count: Math.max(1, Math.ceil((score.retry.until - Date.now()) / 1000)),
              })
            : t('score.scoring')}
        </span>
        <progress aria-label={t('score.howClose')} />
        <button type="button" onClick={() => void sendMessage('cancelScoring', generation.id)}>
          {t('popup.cancel')}
        </button>
      </div>
    );
  if (score.status === 'failed' && score.error)
    return (
      <VisionError
        error={score.error}
        provider={score.provider}
        model={score.model}
        onRetry={() => void sendMessage('scoreGeneration', generation.id)}
      />
    );
  return score.verdict ? <VerdictView verdict={score.verdict} /> : null;
}

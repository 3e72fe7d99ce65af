import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '@/components/copy-button';
import { useObjectUrl } from '@/components/use-object-url';
import { db } from '@/lib/history/db';
import type { StoredGeneration } from '@/lib/history/generation-types';
import { sendMessage } from '@/lib/messaging';
import { bestRound } from '@/lib/scoring/rounds';
import type { RefineRun } from '@/lib/scoring/types';
import { ScoreValue } from './score-view';
import { VisionError } from './vision-error';

/** The newest "Refine and recreate" of the entry, on whichever recreation it started from. */
export function latestRun(generations: StoredGeneration[]): { start: StoredGeneration; run: RefineRun } | undefined {
  let latest: { start: StoredGeneration; run: RefineRun } | undefined;
  for (const g of generations)
    if (g.refineRun && (!latest || g.refineRun.startedAt > latest.run.startedAt))
      latest = { start: g, run: g.refineRun };
  return latest;
}

const overall = (g: StoredGeneration | undefined) =>
  g?.score?.status === 'done' ? g.score.verdict?.overall : undefined;

function RunStatus({ start, run }: { start: StoredGeneration; run: RefineRun }) {
  const { t } = useTranslation();
  if (run.status === 'running')
    return (
      <div className="row run-status" role="status" aria-live="polite">
        <span>
          {t(`score.phase_${run.phase ?? 'score'}`, { round: run.round ?? run.rounds.length, max: run.maxRounds })}
        </span>
        <progress aria-label={t('score.refineAndRecreate')} />
        <button type="button" onClick={() => void sendMessage('cancelScoring', start.id)}>
          {t('popup.cancel')}
        </button>
      </div>
    );
  if (run.end === 'error' && run.error)
    return (
      <VisionError
        error={run.error}
        provider={start.score?.provider ?? 'openai'}
        model={start.score?.model ?? ''}
        onRetry={() => void sendMessage('refineAndRecreate', start.id)}
      />
    );
  return (
    <p role="status" className="small run-status">
      {t(`score.end_${run.end ?? 'error'}`, { count: run.rounds.length, target: run.target })}
    </p>
  );
}

function Round({
  index,
  generation,
  prompt,
  best,
  shown,
  running,
  onShow,
}: {
  index: number;
  generation: StoredGeneration;
  prompt: string;
  best: boolean;
  shown: boolean;
  running: boolean;
  onShow: () => void;
}) {
  const { t } = useTranslation();
  const thumb = useObjectUrl(generation.thumbnail);
  const score = overall(generation);
  const name = t('score.round', { round: index + 1 });
  return (
    <li className={best ? 'round best' : 'round'} aria-current={shown || undefined}>
      <button type="button" className="round-show" aria-pressed={shown} onClick={onShow}>
        {thumb ? <img className="round-thumb" src={thumb} alt="" /> : <span className="round-thumb" />}
        <span>
          <strong>{name}</strong>
          {best && <span className="badge">{t('score.best')}</span>}
          <br />
          {score !== undefined ? <ScoreValue score={score} /> : <span className="muted">…</span>}
        </span>
      </button>
      <p className="round-prompt small" dir="auto">
        {prompt}
      </p>
      <div className="row">
        <CopyButton text={prompt} />
        <button
          type="button"
          disabled={running || generation.status !== 'done'}
          onClick={() => void sendMessage('refineAndRecreate', generation.id)}
        >
          {t('score.continueFrom')}
        </button>
      </div>
    </li>
  );
}

/** Every round of the newest run, in order: picture, prompt, score; the best one marked; copy or continue from any. */
export function RoundsPanel({
  generations,
  current,
  onShow,
}: {
  generations: StoredGeneration[];
  current?: string;
  onShow: (id: string) => void;
}) {
  const { t } = useTranslation();
  const found = latestRun(generations);
  const rounds = (found?.run.rounds ?? []).map((id) => generations.find((g) => g.id === id));
  const jobs = useLiveQuery(
    () => db.jobs.bulkGet(rounds.map((g) => g?.jobId ?? '')),
    [rounds.map((g) => g?.jobId).join()],
  );
  if (!found) return null;
  const best = bestRound(rounds.map(overall));
  const running = found.run.status === 'running';
  return (
    <section className="rounds" aria-labelledby="rounds-title">
      <h2 id="rounds-title" className="small">
        {t('score.rounds')}
      </h2>
      <RunStatus start={found.start} run={found.run} />
      <ol>
        {rounds.map((g, i) =>
          g ? (
            <Round
              key={g.id}
              index={i}
              generation={g}
              prompt={jobs?.[i]?.text ?? g.prompt}
              best={i === best}
              shown={g.id === current}
              running={running}
              onShow={() => onShow(g.id)}
            />
          ) : null,
        )}
      </ol>
    </section>
  );
}

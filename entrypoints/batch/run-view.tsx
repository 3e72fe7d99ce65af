import { useTranslation } from 'react-i18next';
import { useSettings } from '@/components/use-settings';
import type { BatchRecord } from '@/lib/batch/batch-record';
import { estimateTimeLeft, summarizeProgress } from '@/lib/batch/progress';
import { formatDuration } from '@/lib/batch/time-left';
import { describeError, type ErrorContext } from '@/lib/errors';
import { sendMessage } from '@/lib/messaging';
import { providerName } from '@/lib/providers/provider-names';
import type { ExportBatch } from './export-batch';
import { ExportPanel } from './export-panel';
import { RunCard } from './run-card';
import { useBatchTexts } from './use-batch-texts';

const control = (batchId: string, action: 'pause' | 'resume' | 'stop') =>
  void sendMessage('controlBatch', { batchId, action }).catch(() => undefined);
const retry = (batchId: string, itemId?: string) =>
  void sendMessage('retryBatchItems', { batchId, ...(itemId ? { itemId } : {}) }).catch(() => undefined);

/** A batch as the worker has it: progress, time left, each image's status and prompt, the controls. */
export function RunView({
  batch,
  onExport,
  onNewBatch,
}: {
  batch: BatchRecord;
  onExport?: ExportBatch;
  onNewBatch?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const { texts, thumbnails } = useBatchTexts(batch.items);
  const progress = summarizeProgress(batch.items);
  const active = batch.state === 'running' || batch.state === 'paused';
  const left =
    batch.state === 'running'
      ? estimateTimeLeft(batch.items, {
          concurrency: settings?.concurrency ?? 1,
          ...(batch.notBefore ? { notBefore: batch.notBefore } : {}),
          now: Date.now(),
        })
      : undefined;
  const progressText = t('batch.progress', { done: progress.finished, total: progress.total });
  // The batch's errors come from the provider set now: name it as the popup would.
  const errorContext: ErrorContext = settings
    ? { provider: providerName(settings.provider, t), model: settings.connections[settings.provider]?.model ?? '' }
    : { provider: '', model: '' };
  const pausedBy =
    batch.state === 'paused' && batch.pausedBy ? describeError(batch.pausedBy, errorContext, t) : undefined;

  return (
    <main className="batch">
      <header className="batch-head">
        <h1>{t('batch.title')}</h1>
        <p className="small muted page-title">
          <bdi>{batch.pageTitle || batch.pageUrl}</bdi> · {t(`styles.${batch.style}`)} · {t(`detail.${batch.detail}`)}
        </p>
      </header>
      <section className="toolbar row" aria-label={t('batch.title')}>
        <progress
          max={Math.max(1, progress.total)}
          value={progress.finished}
          aria-label={t('batch.title')}
          aria-valuetext={progressText}
        />
        <span className="progress-text">{progressText}</span>
        <span className="muted" role="status">
          {t(`batch.state.${batch.state}`)}
          {left ? ` · ${t('batch.timeLeft', { time: formatDuration(left, i18n.language) })}` : ''}
        </span>
        <span className="spacer" />
        {batch.state === 'running' && (
          <button type="button" onClick={() => control(batch.id, 'pause')}>
            {t('batch.pause')}
          </button>
        )}
        {batch.state === 'paused' && (
          <button type="button" className="primary" onClick={() => control(batch.id, 'resume')}>
            {t('batch.resume')}
          </button>
        )}
        {active && (
          <button type="button" onClick={() => control(batch.id, 'stop')}>
            {t('batch.stop')}
          </button>
        )}
        {progress.counts.failed > 0 && (
          <button type="button" onClick={() => retry(batch.id)}>
            {t('batch.retryFailed')}
          </button>
        )}
        {!active && onNewBatch && (
          <button type="button" onClick={onNewBatch}>
            {t('batch.newBatch')}
          </button>
        )}
      </section>
      {pausedBy && (
        <div className="error" role="alert">
          <strong>{t('batch.pausedBy', { reason: pausedBy.title })}</strong>
          <p>{pausedBy.hint}</p>
        </div>
      )}
      {onExport && <ExportPanel batch={batch} onExport={onExport} />}
      <ul className="grid run" aria-label={t('batch.title')}>
        {batch.items.map((item) => (
          <RunCard
            key={item.id}
            item={item}
            errorContext={errorContext}
            text={item.jobId ? texts.get(item.jobId) : undefined}
            thumbnail={item.entryId ? thumbnails.get(item.entryId) : undefined}
            onRetry={(itemId) => retry(batch.id, itemId)}
          />
        ))}
      </ul>
    </main>
  );
}

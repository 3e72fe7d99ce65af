import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '@/components/use-settings';
import { collectCandidates, DEFAULT_MIN_SHORT_SIDE } from '@/lib/batch/candidates';
import { sendMessage } from '@/lib/messaging';
import type { DetailLevel } from '@/lib/prompt/detail';
import type { StyleId } from '@/lib/prompt/styles';
import { BatchChoices } from './batch-choices';
import { Field } from './field';
import { PickCard } from './pick-card';
import { usePageScan } from './use-page-scan';

/**
 * The images the tab shows, to pick from: every one is ticked until the user unticks it, so a
 * Rescan keeps the user's choices and ticks only what is new.
 */
export function PickView({ tabId, onStarted }: { tabId: number; onStarted: (batchId: string) => void }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const { scan, scanning, failed, rescan } = usePageScan(tabId);
  const [minSize, setMinSize] = useState(DEFAULT_MIN_SHORT_SIDE);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [style, setStyle] = useState<StyleId>();
  const [detail, setDetail] = useState<DetailLevel>();
  const [starting, setStarting] = useState(false);
  const list = useMemo(
    () =>
      collectCandidates(scan?.found ?? [], {
        minShortSide: minSize,
        fallbackName: (index) => t('batch.unnamed', { index }),
      }),
    [scan, minSize, t],
  );
  const chosen = list.candidates.filter((candidate) => !unticked.has(candidate.id));
  const toggle = (id: string, on: boolean) =>
    setUnticked((old) => {
      const next = new Set(old);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  const batchStyle = style ?? settings?.defaultStyle ?? 'natural';
  const batchDetail = detail ?? settings?.defaultDetail ?? 'standard';

  const start = async () => {
    if (!scan || !chosen.length) return;
    setStarting(true);
    try {
      const id = await sendMessage('startBatch', {
        tabId,
        pageUrl: scan.pageUrl,
        pageTitle: scan.pageTitle,
        style: batchStyle,
        detail: batchDetail,
        // The thumbnails the scan drew are for this view only: not stored with the batch.
        candidates: chosen.map(({ thumbnail: _, ...candidate }) => candidate),
      });
      if (typeof id === 'string') onStarted(id);
    } catch (error) {
      // The worker refused it (an older worker without the runner): the list stays, Start can be pressed again.
      console.error('PromptLens: batch did not start', error);
    } finally {
      setStarting(false);
    }
  };

  return (
    <main className="batch">
      <header className="batch-head">
        <h1>{t('batch.title')}</h1>
        {scan?.pageTitle && (
          <p className="small muted page-title">
            <bdi>{scan.pageTitle}</bdi>
          </p>
        )}
      </header>
      <section className="toolbar row" aria-label={t('batch.title')}>
        <Field label={t('batch.minSize')} className="min-size">
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              step={16}
              value={minSize}
              onChange={(event) => setMinSize(Math.max(0, Number(event.target.value) || 0))}
            />
          )}
        </Field>
        <BatchChoices style={batchStyle} detail={batchDetail} onStyle={setStyle} onDetail={setDetail} />
        <span className="spacer" />
        <button type="button" onClick={rescan} disabled={scanning}>
          {t('batch.rescan')}
        </button>
        <button type="button" className="primary" onClick={() => void start()} disabled={!chosen.length || starting}>
          {t('batch.start')}
        </button>
      </section>
      <section className="row selection" aria-live="polite">
        <button type="button" onClick={() => setUnticked(new Set())} disabled={!list.candidates.length}>
          {t('batch.selectAll')}
        </button>
        <button
          type="button"
          onClick={() => setUnticked(new Set(list.candidates.map((candidate) => candidate.id)))}
          disabled={!list.candidates.length}
        >
          {t('batch.selectNone')}
        </button>
        {scanning ? (
          <span className="row muted">
            <span className="spinner" aria-hidden="true" />
            {t('batch.scanning')}
          </span>
        ) : (
          <span className="muted">
            {list.total > list.candidates.length
              ? t('batch.capped', { total: list.total, max: list.candidates.length })
              : t('batch.found', { count: list.total })}
            {' · '}
            {t('batch.selected', { selected: chosen.length, total: list.candidates.length })}
          </span>
        )}
      </section>
      {failed ? (
        <p role="alert" className="error">
          {t('batch.scanFailed')}
        </p>
      ) : (
        !scanning &&
        !list.candidates.length && (
          <section className="empty">
            <h2>{t('batch.empty')}</h2>
            <p className="muted">{t('batch.emptyHint')}</p>
          </section>
        )
      )}
      <ul className="grid" aria-label={t('batch.title')}>
        {list.candidates.map((candidate) => (
          <PickCard key={candidate.id} candidate={candidate} checked={!unticked.has(candidate.id)} onToggle={toggle} />
        ))}
      </ul>
    </main>
  );
}

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { listAllEntries, restoreEntries, setFavorite } from '@/lib/history/queries';
import type { HistoryEntry } from '@/lib/history/types';
import { ClearHistory } from './clear-history';
import { removeEntries } from './history-actions';
import { HistoryList } from './history-list';
import { HistoryToolbar } from './history-toolbar';
import type { HistoryUiSlice } from './history-ui';
import { UndoBar } from './undo-bar';
import { useHistoryEntries } from './use-history-entries';
import './history.css';

/** The page owns the UI state (its store's history slice) and what selecting an entry shows. */
type Props = HistoryUiSlice & {
  selectedImageId?: string;
  onSelect: (jobId: string | undefined) => void;
};

/** The prompt library: search, filter, favourites, delete with Undo, clear all. */
export function HistorySection({ filter, setFilter, resetFilter, undo, setUndo, selectedImageId, onSelect }: Props) {
  const { t } = useTranslation();
  const { all, shown, total = all?.length ?? 0 } = useHistoryEntries(filter);

  const remove = useCallback(
    async (ids: string[], label: string) => {
      const snapshot = await removeEntries(ids);
      if (snapshot.entries.length) setUndo({ snapshot, label });
    },
    [setUndo],
  );
  const onUndo = useCallback(() => {
    if (!undo) return;
    setUndo(undefined);
    void restoreEntries(undo.snapshot);
  }, [undo, setUndo]);
  const onDismiss = useCallback(() => setUndo(undefined), [setUndo]);
  const onSelectEntry = (entry: HistoryEntry) => onSelect(entry.latestJobId);
  const onFavorite = (entry: HistoryEntry) => void setFavorite(entry.id, entry.favorite !== 1);
  const onDelete = (entry: HistoryEntry) => void remove([entry.id], t('history.deletedOne'));
  const onClear = () => {
    onSelect(undefined);
    void listAllEntries().then((entries) =>
      remove(
        entries.map((entry) => entry.id),
        t('history.deletedAll', { count: entries.length }),
      ),
    );
  };

  const filtered = shown && (filter.query.trim() !== '' || !!filter.style || !!filter.favoritesOnly);
  return (
    <section className="history-section" aria-labelledby="history-heading">
      <div className="row history-head">
        <h2 id="history-heading">{t('popup.history')}</h2>
        <span className="small muted" aria-live="polite">
          {filtered
            ? t('history.matches', { count: shown.length })
            : total > 0
              ? t('history.count', { count: total })
              : ''}
        </span>
        <span className="spacer" />
        <ClearHistory count={total} onConfirm={onClear} />
      </div>
      {undo && <UndoBar message={undo.label} onUndo={onUndo} onDismiss={onDismiss} />}
      {total > 0 && <HistoryToolbar filter={filter} onChange={setFilter} />}
      {all === undefined ? null : total === 0 ? (
        <p className="muted small">{t('popup.historyEmpty')}</p>
      ) : shown && shown.length === 0 ? (
        <p className="muted small no-match">
          {t('history.noMatch')}{' '}
          <button type="button" className="link-button" onClick={resetFilter}>
            {t('history.showAll')}
          </button>
        </p>
      ) : (
        <HistoryList
          entries={shown ?? []}
          selectedImageId={selectedImageId}
          onSelect={onSelectEntry}
          onFavorite={onFavorite}
          onDelete={onDelete}
        />
      )}
    </section>
  );
}

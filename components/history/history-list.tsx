import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { HistoryEntry } from '@/lib/history/types';
import { HistoryRow } from './history-row';

/** Fixed row height: the list draws only the rows in view, so 10,000 entries cost what 10 do. */
const ROW_HEIGHT = 54;

interface Props {
  entries: HistoryEntry[];
  selectedImageId?: string;
  onSelect: (entry: HistoryEntry) => void;
  onFavorite: (entry: HistoryEntry) => void;
  onDelete: (entry: HistoryEntry) => void;
}

const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (i, last) => Math.min(last, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  PageDown: (i, last) => Math.min(last, i + 5),
  PageUp: (i) => Math.max(0, i - 5),
  Home: () => 0,
  End: (_, last) => last,
};

/** The library, newest first, virtualized; arrow keys move between rows, Delete deletes. */
export function HistoryList({ entries, selectedImageId, onSelect, onFavorite, onDelete }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => entries[index]!.id,
  });

  // The row to focus may only exist once the scroll has rendered it: focused after the render
  // that brings it (a far jump such as End can take several).
  const pendingFocus = useRef<number | undefined>(undefined);
  const focusPending = () => {
    if (pendingFocus.current === undefined) return;
    const row = scroller.current?.querySelector<HTMLElement>(`.history-item[data-index="${pendingFocus.current}"]`);
    if (!row) return;
    pendingFocus.current = undefined;
    row.focus();
  };
  useLayoutEffect(focusPending);
  const focusRow = (index: number) => {
    pendingFocus.current = index;
    focusPending();
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      focusRow(move(index, entries.length - 1));
    } else if (event.key === 'Delete') {
      event.preventDefault();
      onDelete(entries[index]!);
      // Focus stays in the list, on the row that takes the deleted one's place.
      if (entries.length > 1) focusRow(Math.min(index, entries.length - 2));
    }
  };

  return (
    <div className="history-scroll" ref={scroller}>
      <ul className="history" style={{ blockSize: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index]!;
          return (
            <HistoryRow
              key={item.key}
              entry={entry}
              index={item.index}
              count={entries.length}
              selected={entry.id === selectedImageId}
              style={{ transform: `translateY(${item.start}px)`, blockSize: ROW_HEIGHT }}
              onSelect={onSelect}
              onFavorite={onFavorite}
              onDelete={onDelete}
              onKeyDown={onKeyDown}
            />
          );
        })}
      </ul>
    </div>
  );
}

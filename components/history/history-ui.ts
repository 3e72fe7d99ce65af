import type { StateCreator } from 'zustand';
import type { EntrySnapshot } from '@/lib/history/queries';
import type { HistoryFilter } from '@/lib/history/search';

/**
 * What a page remembers about its history section while it is open: the filter and the last
 * delete Undo can reverse. A page composes this slice into its own store and passes it down;
 * the history components never read a page's store themselves.
 */
export interface HistoryUiSlice {
  filter: HistoryFilter;
  setFilter: (patch: Partial<HistoryFilter>) => void;
  resetFilter: () => void;
  /** What the last Delete removed, until Undo or the next delete. */
  undo?: { snapshot: EntrySnapshot; label: string };
  setUndo: (undo: HistoryUiSlice['undo']) => void;
}

const NO_FILTER: HistoryFilter = { query: '', style: undefined, favoritesOnly: false };

export const createHistoryUiSlice: StateCreator<HistoryUiSlice> = (set) => ({
  filter: NO_FILTER,
  setFilter: (patch) => set((state) => ({ filter: { ...state.filter, ...patch } })),
  resetFilter: () => set({ filter: NO_FILTER }),
  undo: undefined,
  setUndo: (undo) => set({ undo }),
});

/** The slice out of a page's store, for `useShallow`: re-renders only when one of these changes. */
export const pickHistoryUi = ({ filter, setFilter, resetFilter, undo, setUndo }: HistoryUiSlice): HistoryUiSlice => ({
  filter,
  setFilter,
  resetFilter,
  undo,
  setUndo,
});

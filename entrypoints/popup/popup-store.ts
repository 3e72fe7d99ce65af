import { create } from 'zustand';
import type { HistoryFilter } from '@/lib/history/search';
import type { EntrySnapshot } from '@/lib/history/queries';

interface SelectionSlice {
  /** The result shown on top; undefined follows the newest job. */
  selectedJobId?: string;
  select: (id: string | undefined) => void;
}

interface FilterSlice {
  filter: HistoryFilter;
  setFilter: (patch: Partial<HistoryFilter>) => void;
  resetFilter: () => void;
}

interface UndoSlice {
  /** What the last Delete removed, until Undo or the next delete. */
  undo?: { snapshot: EntrySnapshot; label: string };
  setUndo: (undo: UndoSlice['undo']) => void;
}

export type PopupState = SelectionSlice & FilterSlice & UndoSlice;

const NO_FILTER: HistoryFilter = { query: '', style: undefined, favoritesOnly: false };

/** One store of slices for the popup's UI state; everything lasting lives in IndexedDB. */
export const usePopupStore = create<PopupState>()((set) => ({
  selectedJobId: undefined,
  select: (id) => set({ selectedJobId: id }),
  filter: NO_FILTER,
  setFilter: (patch) => set((state) => ({ filter: { ...state.filter, ...patch } })),
  resetFilter: () => set({ filter: NO_FILTER }),
  undo: undefined,
  setUndo: (undo) => set({ undo }),
}));

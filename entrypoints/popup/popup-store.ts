import { create, type StateCreator } from 'zustand';
import { createHistoryUiSlice, type HistoryUiSlice } from '@/components/history/history-ui';

interface SelectionSlice {
  /** The result shown on top; undefined follows the newest job. */
  selectedJobId?: string;
  select: (id: string | undefined) => void;
}

type PopupState = SelectionSlice & HistoryUiSlice;

const createSelectionSlice: StateCreator<PopupState, [], [], SelectionSlice> = (set) => ({
  selectedJobId: undefined,
  select: (id) => set({ selectedJobId: id }),
});

/**
 * One store of slices for the popup's UI state; everything lasting lives in IndexedDB.
 * Read it with selectors (`usePopupStore((s) => s.select)`), so a component re-renders only
 * for what it reads: typing in the history search does not redraw the result above it.
 */
export const usePopupStore = create<PopupState>()((...a) => ({
  ...createSelectionSlice(...a),
  ...createHistoryUiSlice(...a),
}));

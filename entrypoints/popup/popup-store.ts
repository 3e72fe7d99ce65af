import { create } from 'zustand';

interface PopupState {
  /** The result shown on top; undefined follows the newest job. */
  selectedJobId?: string;
  select: (id: string | undefined) => void;
}

export const usePopupStore = create<PopupState>()((set) => ({
  selectedJobId: undefined,
  select: (id) => set({ selectedJobId: id }),
}));

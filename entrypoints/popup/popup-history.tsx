import { useShallow } from 'zustand/react/shallow';
import { HistorySection } from '@/components/history/history-section';
import { pickHistoryUi } from '@/components/history/history-ui';
import { usePopupStore } from './popup-store';

/** The shared history section wired to the popup's store: only this part redraws while the user types a search. */
export function PopupHistory({ selectedImageId }: { selectedImageId?: string }) {
  const ui = usePopupStore(useShallow(pickHistoryUi));
  const select = usePopupStore((state) => state.select);
  return <HistorySection {...ui} selectedImageId={selectedImageId} onSelect={select} />;
}

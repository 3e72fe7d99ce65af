import { storage } from 'wxt/utils/storage';

interface PointerFrame {
  tabId: number;
  frameId: number;
}

/**
 * The frame that last said "an image is under the pointer": the one the keyboard shortcut asks.
 * In session storage, as the worker may stop between the pointer's move and the key press.
 */
const pointerFrameItem = storage.defineItem<PointerFrame | null>('session:pointerFrame', { fallback: null });

export function rememberPointerFrame(tabId: number, frameId: number): void {
  void pointerFrameItem.setValue({ tabId, frameId }).catch(() => undefined);
}

/** Which frames of the tab to ask, most likely first: the last one over an image, then the top. */
export async function framesToAsk(tabId: number): Promise<number[]> {
  const last = await pointerFrameItem.getValue().catch(() => null);
  return last && last.tabId === tabId && last.frameId !== 0 ? [last.frameId, 0] : [0];
}

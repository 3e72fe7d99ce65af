import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging';
import { fromExtensionPage } from './message-handlers';
import { openBatch } from './open-batch';
import { scanTab } from './scan-tab';

const isTabId = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/**
 * The Batch page's scan and the doors to it (popup button, context menu). Extension pages only:
 * a web page must not make us read another tab. The batch runner's messages are registered by
 * its own module.
 */
export function registerBatchPageHandlers(): void {
  onMessage('scanTab', ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !isTabId(data)) throw new Error('Not allowed');
    return scanTab(data);
  });
  onMessage('openBatch', ({ data, sender }) => {
    if (!fromExtensionPage(sender) || !isTabId(data?.tabId)) return;
    void openBatch(data.tabId);
  });
}

/** The menu item "All images on this page…" was chosen in this tab. */
export function openBatchFromMenu(tab: { id?: number } | undefined): void {
  if (tab?.id !== undefined && tab.id !== browser.tabs.TAB_ID_NONE) void openBatch(tab.id);
}

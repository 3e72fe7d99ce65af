import { browser } from 'wxt/browser';

export const batchPageUrl = (tabId: number) => browser.runtime.getURL(`/batch.html?tab=${tabId}`);

/**
 * One Batch page per source tab, beside it: focus the one already open (it shows that tab's
 * batch where it is), else open it just after the source tab.
 */
export async function openBatch(tabId: number): Promise<void> {
  const url = batchPageUrl(tabId);
  const open = (await browser.tabs.query({})).find((tab) => tab.url === url);
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined)
      await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  const source = await browser.tabs.get(tabId).catch(() => undefined);
  await browser.tabs.create({
    url,
    ...(source ? { windowId: source.windowId, index: source.index + 1, openerTabId: tabId } : {}),
  });
}

import { browser } from 'wxt/browser';

/**
 * Hotlink protection answers 403 to requests without the page's Referer, and a service worker
 * cannot set that header itself. A session rule adds it to this one URL, for requests made
 * outside any tab (ours), only while the download runs.
 */
export async function withPageReferer<T>(url: string, referer: string, run: () => Promise<T>): Promise<T> {
  // urlFilter has no escaping: a URL with its special characters gets no rule.
  if (/[*^|]/.test(url) || !/^https?:/.test(referer) || !browser.declarativeNetRequest) return run();
  const id = 1 + (Date.now() % 1_000_000_000);
  await browser.declarativeNetRequest.updateSessionRules({
    addRules: [
      {
        id,
        priority: 1,
        action: { type: 'modifyHeaders', requestHeaders: [{ header: 'referer', operation: 'set', value: referer }] },
        condition: { urlFilter: `|${url}|`, tabIds: [-1], resourceTypes: ['xmlhttprequest', 'other'] },
      },
    ],
  });
  try {
    return await run();
  } finally {
    await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [id] }).catch(() => undefined);
  }
}

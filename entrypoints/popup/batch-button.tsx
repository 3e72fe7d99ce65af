import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';

/** The tab the popup was opened over, when it shows a web page (the only kind a scan can read). */
function useWebTabId(): number | undefined {
  const [tabId, setTabId] = useState<number>();
  useEffect(() => {
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([tab]) => setTabId(tab?.id !== undefined && /^(https?|file):/i.test(tab.url ?? '') ? tab.id : undefined),
      () => setTabId(undefined),
    );
  }, []);
  return tabId;
}

/** "All images on this page…": the Batch page of the current tab (its running batch, if it has one). */
export function BatchButton() {
  const { t } = useTranslation();
  const tabId = useWebTabId();
  if (tabId === undefined) return null;
  return (
    <button type="button" className="batch-button" onClick={() => void sendMessage('openBatch', { tabId })}>
      {t('batch.menu')}
    </button>
  );
}

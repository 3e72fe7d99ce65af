import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { storageFullItem, type StorageFullReport } from '@/lib/privacy/storage-full';
import { CopyButton } from '@/components/copy-button';
import './storage-full-notice.css';

/**
 * The browser refused to save to history (disk full): says so, shows the prompt that could
 * not be saved so it can still be copied, and leads to the settings to free space.
 */
export function StorageFullNotice() {
  const { t } = useTranslation();
  const [report, setReport] = useState<StorageFullReport | null>(null);
  useEffect(() => {
    void storageFullItem.getValue().then(setReport);
    return storageFullItem.watch(setReport);
  }, []);
  if (!report) return null;
  return (
    <section className="notice storage-full" role="alert" aria-labelledby="storage-full-title">
      <h3 id="storage-full-title">{t('privacy.storageFull.title')}</h3>
      <p className="small">{t('privacy.storageFull.body')}</p>
      {report.text && (
        <>
          <p className="small">{t('privacy.storageFull.rescued')}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long rescued prompt scrolls;
              the keyboard must reach it */}
          <div className="rescued" dir="auto" tabIndex={0}>
            {report.text}
          </div>
        </>
      )}
      <div className="row">
        {report.text && <CopyButton text={report.text} />}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('privacy.storageFull.openSettings')}
        </button>
        <button type="button" onClick={() => void storageFullItem.removeValue()}>
          {t('privacy.storageFull.dismiss')}
        </button>
      </div>
    </section>
  );
}

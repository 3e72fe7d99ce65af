import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { JobView } from '@/components/job/job-view';
import { useSettings } from '@/components/use-settings';
import { getJob, recentJobs } from '@/lib/jobs/job-store';
import type { Job } from '@/lib/jobs/types';
import { sendMessage } from '@/lib/messaging';
import { BatchButton } from './batch-button';
import { PopupHistory } from './popup-history';
import { SiteSwitch } from './site-switch';
import { usePopupStore } from './popup-store';
import { StorageFullNotice } from './storage-full-notice';

const openSettings = () => void browser.runtime.openOptionsPage();

/** Whether a first prompt could be made: drives the set-up hint of an empty popup. */
function useNeedsSetup(): boolean | undefined {
  const [needsSetup, setNeedsSetup] = useState<boolean>();
  useEffect(() => {
    sendMessage('getSetupStatus').then(
      (status) => setNeedsSetup(!status.ready),
      () => setNeedsSetup(false),
    );
  }, []);
  return needsSetup;
}

/**
 * The library waits for the newest prompt's first words (or 1.5 s): its rows and thumbnails,
 * drawn as the popup opens, cost the request and the first word ~50–80 ms on two cores (npm run
 * bench, the user's wait). A popup with nothing being written shows it at once; once shown, it
 * stays.
 */
function useLibraryShown(loaded: boolean, job: Job | undefined): boolean {
  const writing = !!job && (job.status === 'queued' || job.status === 'running') && !job.text;
  const ready = loaded && !writing;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    if (ready) {
      setShown(true);
      return;
    }
    const timer = setTimeout(() => setShown(true), 1500);
    return () => clearTimeout(timer);
  }, [shown, ready]);
  return shown || ready;
}

/** Where this UI is shown: the same App runs in the popup and in the side panel (sidebar). */
export type AppHost = 'popup' | 'sidePanel';

export default function App({ host = 'popup' }: { host?: AppHost }) {
  const { t } = useTranslation();
  // Only the newest job: the library below reads its own rows, not every job's streaming text.
  const jobs = useLiveQuery(() => recentJobs(1), []);
  const needsSetup = useNeedsSetup();
  const selectedJobId = usePopupStore((state) => state.selectedJobId);
  const select = usePopupStore((state) => state.select);
  const settings = useSettings();
  const current =
    useLiveQuery(async () => (selectedJobId ? await getJob(selectedJobId) : undefined), [selectedJobId]) ?? jobs?.[0];

  const libraryShown = useLibraryShown(jobs !== undefined, current);
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  useEffect(() => {
    void browser.action.setBadgeText({ text: '' });
    void sendMessage('ping').catch(() => undefined);
  }, []);

  return (
    <div className="popup" data-host={host}>
      <header className="popup-head">
        <h1>{t('app.name')}</h1>
        <span className="spacer" />
        <button type="button" onClick={openSettings}>
          {t('popup.settings')}
        </button>
      </header>
      <main>
        <StorageFullNotice />
        {jobs === undefined ? null : current ? (
          <JobView job={current} templates={settings?.templates ?? []} onSelect={select} />
        ) : needsSetup ? (
          <section className="empty">
            <h2>{t('popup.setupTitle')}</h2>
            <p className="muted">{t('popup.setupBody')}</p>
            <button type="button" className="primary" onClick={openSettings}>
              {t('popup.openSettings')}
            </button>
          </section>
        ) : (
          <section className="empty">
            <h2>{t('popup.emptyTitle')}</h2>
            <p className="muted">{t('popup.emptyBody')}</p>
          </section>
        )}
        {libraryShown && <PopupHistory selectedImageId={current?.imageId} />}
        <BatchButton />
        <SiteSwitch />
      </main>
    </div>
  );
}

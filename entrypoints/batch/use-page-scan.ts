import { useCallback, useEffect, useState } from 'react';
import type { PageScan } from '@/lib/batch/batch-record';
import { sendMessage } from '@/lib/messaging';

export interface PageScanState {
  scan?: PageScan;
  scanning: boolean;
  /** The tab could not be read (closed, a browser page, or loaded before PromptLens was). */
  failed: boolean;
  rescan: () => void;
}

/** The tab's images, scanned when the page opens and again on Rescan. */
export function usePageScan(tabId: number): PageScanState {
  const [scan, setScan] = useState<PageScan>();
  const [scanning, setScanning] = useState(true);
  const [failed, setFailed] = useState(false);
  const rescan = useCallback(() => {
    setScanning(true);
    sendMessage('scanTab', tabId).then(
      (result) => {
        setScan(result);
        setFailed(false);
        setScanning(false);
      },
      () => {
        setFailed(true);
        setScanning(false);
      },
    );
  }, [tabId]);
  useEffect(rescan, [rescan]);
  return { scan, scanning, failed, rescan };
}

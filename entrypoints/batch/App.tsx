import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { latestBatchOfTab } from '@/lib/batch/batch-query';
import { db } from '@/lib/history/db';
import { exportBatch } from './export-batch';
import { PickView } from './pick-view';
import { RunView } from './run-view';

const params = new URLSearchParams(location.search);
/** The page the images come from (?tab=), or a batch opened from history (?batch=). */
const tabId = Number.parseInt(params.get('tab') ?? '', 10);
const batchParam = params.get('batch');

/**
 * The Batch page: the tab's batch where it is, read live from the database the worker writes
 * (closing and reopening the page loses nothing); without one, the pick view.
 */
export default function App() {
  const { t } = useTranslation();
  const [batchId, setBatchId] = useState(batchParam);
  const [picking, setPicking] = useState(false);
  const batch = useLiveQuery(
    async () => (batchId ? ((await db.batches.get(batchId)) ?? null) : latestBatchOfTab(tabId)),
    [batchId],
  );
  useEffect(() => {
    document.title = `${t('batch.title')} · ${t('app.name')}`;
  }, [t]);
  if (batch === undefined) return null;
  if (batch && !picking)
    return (
      <RunView
        batch={batch}
        onExport={exportBatch}
        onNewBatch={Number.isInteger(tabId) ? () => setPicking(true) : undefined}
      />
    );
  if (!Number.isInteger(tabId))
    return (
      <main className="batch">
        <p role="alert">{t('generation.notFound')}</p>
      </main>
    );
  return (
    <PickView
      tabId={tabId}
      onStarted={(id) => {
        setBatchId(id);
        setPicking(false);
      }}
    />
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { BatchItem } from '@/lib/batch/batch-record';
import { db } from '@/lib/history/db';

const EMPTY = new Map<string, string>();

/**
 * The prompts of a batch's images as they stream (each item's job's text), and the history
 * thumbnails of the images the page could not show by address: one live query each for the
 * whole batch, not one per card.
 */
export function useBatchTexts(items: readonly BatchItem[]): {
  texts: ReadonlyMap<string, string>;
  thumbnails: ReadonlyMap<string, string>;
} {
  const jobIds = items.flatMap((item) => (item.jobId && item.status !== 'waiting' ? [item.jobId] : []));
  const entryIds = items.flatMap((item) => (item.entryId && item.candidate.kind !== 'url' ? [item.entryId] : []));
  const jobKey = jobIds.join(' ');
  const entryKey = entryIds.join(' ');
  const texts = useLiveQuery(
    async () => {
      const ids = jobKey ? jobKey.split(' ') : [];
      const jobs = await db.jobs.bulkGet(ids);
      return new Map(jobs.flatMap((job) => (job?.text ? [[job.id, job.text] as const] : [])));
    },
    [jobKey],
    EMPTY,
  );
  const blobs = useLiveQuery(
    async () => {
      const ids = entryKey ? entryKey.split(' ') : [];
      const rows = await db.thumbnails.bulkGet(ids);
      return rows.flatMap((row) => (row ? [[row.id, row.blob] as const] : []));
    },
    [entryKey],
    [],
  );
  return { texts, thumbnails: useObjectUrls(blobs) };
}

/** blob: URLs for the thumbnails shown, revoked when they change. */
function useObjectUrls(blobs: ReadonlyArray<readonly [string, Blob]>): ReadonlyMap<string, string> {
  const urls = useMemo(() => new Map(blobs.map(([id, blob]) => [id, URL.createObjectURL(blob)])), [blobs]);
  const [, keep] = useState(urls);
  useEffect(() => {
    keep(urls);
    return () => {
      for (const url of urls.values()) URL.revokeObjectURL(url);
    };
  }, [urls]);
  return urls;
}

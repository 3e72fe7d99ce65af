import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo } from 'react';
import { countEntries, listAllEntries, listEntries } from '@/lib/history/queries';
import { filterEntries, type HistoryFilter } from '@/lib/history/search';
import type { HistoryEntry } from '@/lib/history/types';

/** Rows drawn before the whole library has been read: more than a popup shows. */
const FIRST_ROWS = 40;

/**
 * The whole library (rows only: no blobs, no streaming text) and the part the filter shows.
 * The newest rows come first, so a popup on 10,000 entries draws at once; the rest follows
 * in pages. Typing stays responsive: filtering runs on a deferred copy of the filter.
 */
export function useHistoryEntries(filter: HistoryFilter): {
  all?: HistoryEntry[];
  shown?: HistoryEntry[];
  total?: number;
} {
  const first = useLiveQuery(() => listEntries(FIRST_ROWS), []);
  // Started once the first rows are in, so it does not compete with them.
  const ready = first !== undefined;
  const whole = useLiveQuery(() => (ready ? listAllEntries() : undefined), [ready]);
  const total = useLiveQuery(() => countEntries(), []);
  const all = whole ?? first;
  const deferred = useDeferredValue(filter);
  const shown = useMemo(() => all && filterEntries(all, deferred), [all, deferred]);
  return { all, shown, total: whole?.length ?? total };
}

import type { Retention } from '../settings';
import type { HistoryEntry } from './types';

const HOUR = 3_600_000;

/** How long each choice keeps an entry after its last prompt; forever keeps it. */
export const RETENTION_MS: Record<Retention, number | undefined> = {
  forever: undefined,
  '30d': 30 * 24 * HOUR,
  '7d': 7 * 24 * HOUR,
  '24h': 24 * HOUR,
};

/** Entries last used before this moment are due; undefined: nothing ever is. */
export function retentionCutoff(retention: Retention, now: number): number | undefined {
  const keep = RETENTION_MS[retention];
  return keep === undefined ? undefined : now - keep;
}

export type RetentionFacts = Pick<HistoryEntry, 'id' | 'updatedAt' | 'favorite' | 'status'>;

/**
 * The entries retention deletes: older than the cutoff by their newest prompt (a
 * regeneration makes an image recent again), never a favourite, never one still being written.
 */
export function expiredEntryIds(entries: readonly RetentionFacts[], retention: Retention, now: number): string[] {
  const cutoff = retentionCutoff(retention, now);
  if (cutoff === undefined) return [];
  return entries
    .filter((e) => e.updatedAt < cutoff && e.favorite !== 1 && e.status !== 'queued' && e.status !== 'running')
    .map((e) => e.id);
}

import type { Job } from '../jobs/types';
import type { HistoryEntry } from './types';

/** Search text per entry is capped: enough for any prompt, bounded for 10,000 entries. */
const SEARCH_TEXT_LIMIT = 8000;

/**
 * The history row for an image, from all of its jobs (any order). Only the favourite mark is
 * the user's own and carried over from the previous row.
 */
export function buildEntry(jobs: readonly Job[], previous?: Pick<HistoryEntry, 'favorite'>): HistoryEntry | undefined {
  if (jobs.length === 0) return undefined;
  const sorted = [...jobs].sort((a, b) => a.createdAt - b.createdAt);
  const first = sorted[0]!;
  const latest = sorted[sorted.length - 1]!;
  const source = Object.assign({}, first.source, ...sorted.map((job) => job.source));
  const searchText = [source.pageTitle ?? '', ...sorted.map((job) => job.text)]
    .join('\n')
    .toLowerCase()
    .slice(0, SEARCH_TEXT_LIMIT);
  return {
    id: first.imageId,
    createdAt: first.createdAt,
    updatedAt: latest.createdAt,
    favorite: previous?.favorite ?? 0,
    latestJobId: latest.id,
    status: latest.status,
    kind: latest.kind,
    error: latest.error,
    text: latest.text,
    styles: [...new Set(sorted.filter((job) => !job.template).map((job) => job.style))],
    templates: [...new Set(sorted.flatMap((job) => (job.template ? [job.template.name] : [])))],
    provider: latest.provider,
    model: latest.model,
    source,
    promptCount: sorted.length,
    searchText,
  };
}

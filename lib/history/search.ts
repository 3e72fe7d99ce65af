import type { StyleId } from '../prompt/styles';
import type { HistoryEntry } from './types';

export interface HistoryFilter {
  query: string;
  style?: StyleId | 'template';
  favoritesOnly?: boolean;
}

/** Every word of the query must appear (in any order), so "red fox" finds "a fox, red sky". */
function terms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Entries matching the filter, in the order given (newest first from the database). */
export function filterEntries<T extends Pick<HistoryEntry, 'searchText' | 'styles' | 'templates' | 'favorite'>>(
  entries: readonly T[],
  filter: HistoryFilter,
): T[] {
  const words = terms(filter.query);
  const { style, favoritesOnly } = filter;
  if (words.length === 0 && !style && !favoritesOnly) return entries as T[];
  return entries.filter(
    (entry) =>
      (!favoritesOnly || entry.favorite === 1) &&
      (!style || (style === 'template' ? entry.templates.length > 0 : entry.styles.includes(style))) &&
      words.every((word) => entry.searchText.includes(word)),
  );
}

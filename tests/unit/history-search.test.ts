import { describe, expect, it } from 'vitest';
import { filterEntries } from '@/lib/history/search';

const entry = (searchText: string, extra: Partial<{ styles: string[]; templates: string[]; favorite: 0 | 1 }> = {}) =>
  ({
    searchText: searchText.toLowerCase(),
    styles: ['natural'],
    templates: [] as string[],
    favorite: 0 as const,
    ...extra,
  }) as Parameters<typeof filterEntries>[0][number];

const rows = [
  entry('A red fox in the snow, golden hour', { favorite: 1 }),
  entry('Cyberpunk street at night, neon', { styles: ['midjourney'] }),
  entry('Portrait of a fox', { templates: ['My SDXL'] }),
];

describe('history search', () => {
  it('finds every word in any order, ignoring case', () => {
    expect(filterEntries(rows, { query: 'FOX red' })).toEqual([rows[0]]);
    expect(filterEntries(rows, { query: '  fox ' })).toEqual([rows[0], rows[2]]);
    expect(filterEntries(rows, { query: 'dragon' })).toEqual([]);
  });

  it('filters by style, custom template and favourites, combined with the query', () => {
    expect(filterEntries(rows, { query: '', style: 'midjourney' })).toEqual([rows[1]]);
    expect(filterEntries(rows, { query: '', style: 'template' })).toEqual([rows[2]]);
    expect(filterEntries(rows, { query: 'fox', favoritesOnly: true })).toEqual([rows[0]]);
    expect(filterEntries(rows, { query: '' })).toEqual(rows);
  });
});

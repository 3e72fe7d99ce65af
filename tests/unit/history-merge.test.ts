import { describe, expect, it } from 'vitest';
import { buildEntry } from '@/lib/history/build-entry';
import { planImport } from '@/lib/history/import-merge';
import { job } from './fixtures/history-jobs';

const blob = (text: string) => `data:image/webp;base64,${btoa(text)}`;

describe('the merge rule', () => {
  it('the newer copy of a prompt wins by updatedAt; a tie keeps what is here', () => {
    const here = [
      job('a', 'img', 1, { updatedAt: 5, text: 'here' }),
      job('b', 'img', 2, { updatedAt: 5, text: 'here' }),
    ];
    const plan = planImport(
      [
        {
          id: 'img',
          updatedAt: 2,
          favorite: false,
          jobs: [
            job('a', 'img', 1, { updatedAt: 6, text: 'file' }),
            job('b', 'img', 2, { updatedAt: 5, text: 'file' }),
          ],
        },
      ],
      { jobs: here, entries: [buildEntry(here)!], thumbnailIds: new Set() },
    );
    expect(plan.jobs.map((j) => [j.id, j.text])).toEqual([['a', 'file']]);
    expect(plan.entries).toHaveLength(1);
    expect(plan).toMatchObject({ added: 0, existing: 1, emptied: [] });
  });

  it('favourite if either side says so', () => {
    const here = [job('a', 'img', 1)];
    const row = { ...buildEntry(here)!, favorite: 1 as const };
    const incoming = [{ id: 'img', updatedAt: 1, favorite: false, jobs: here }];
    // Already a favourite here and nothing else new: the row is left as it is, not rewritten.
    expect(planImport(incoming, { jobs: here, entries: [row], thumbnailIds: new Set() }).entries).toEqual([]);
    const plan = planImport([{ ...incoming[0]!, favorite: true }], {
      jobs: here,
      entries: [buildEntry(here)!],
      thumbnailIds: new Set(),
    });
    expect(plan.entries[0]!.favorite).toBe(1);
  });

  it('a missing thumbnail is filled; an existing one is replaced only by a newer entry', () => {
    const here = [job('a', 'img', 1)];
    const present = { jobs: here, entries: [buildEntry(here)!], thumbnailIds: new Set(['img']) };
    expect(
      planImport([{ id: 'img', updatedAt: 1, favorite: false, thumbnail: blob('old'), jobs: here }], present)
        .thumbnails,
    ).toEqual([]);
    expect(
      planImport([{ id: 'img', updatedAt: 9, favorite: false, thumbnail: blob('new'), jobs: here }], present)
        .thumbnails,
    ).toHaveLength(1);
    expect(
      planImport([{ id: 'img', updatedAt: 1, favorite: false, thumbnail: blob('x'), jobs: here }], {
        ...present,
        thumbnailIds: new Set<string>(),
      }).thumbnails,
    ).toHaveLength(1);
  });

  it(
    'a newer copy that belongs to another image takes the ' + 'prompt along; the row it leaves is rebuilt or removed',
    () => {
      const here = [job('a', 'old', 1, { updatedAt: 1 })];
      const plan = planImport(
        [{ id: 'new', updatedAt: 2, favorite: false, jobs: [job('a', 'new', 1, { updatedAt: 2 })] }],
        { jobs: here, entries: [buildEntry(here)!], thumbnailIds: new Set() },
      );
      expect(plan.entries.map((e) => e.id)).toEqual(['new']);
      expect(plan.emptied).toEqual(['old']);
      expect(plan).toMatchObject({ added: 1, existing: 0 });
    },
  );
});

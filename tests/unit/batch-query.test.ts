import { beforeEach, describe, expect, it } from 'vitest';
import { latestBatchOfTab } from '@/lib/batch/batch-query';
import type { BatchRecord } from '@/lib/batch/batch-record';
import { db } from '@/lib/history/db';

const batch = (id: string, tabId: number, createdAt: number, state: BatchRecord['state'] = 'running'): BatchRecord => ({
  id,
  tabId,
  pageUrl: 'https://example.com/',
  pageTitle: 'Gallery',
  style: 'natural',
  detail: 'standard',
  createdAt,
  updatedAt: createdAt,
  state,
  items: [],
});

beforeEach(() => db.batches.clear());

describe('the batch a tab’s Batch page shows', () => {
  it('the tab’s newest, whatever its state; none for another tab', async () => {
    await db.batches.bulkPut([batch('old', 7, 1, 'done'), batch('new', 7, 2, 'stopped'), batch('other', 8, 3)]);
    expect((await latestBatchOfTab(7))?.id).toBe('new');
    expect(await latestBatchOfTab(9)).toBeNull();
    expect(await latestBatchOfTab(Number.NaN)).toBeNull();
  });
});

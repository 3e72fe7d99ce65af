import { describe, expect, it } from 'vitest';
import { batchExportFile, exportBatchPrompts, type BatchImageRecord } from '@/lib/batch/prompts-export';
import { buildEntry } from '@/lib/history/build-entry';
import { readImport } from '@/lib/history/import-read';
import type { Job } from '@/lib/jobs/types';
import { job } from './fixtures/history-jobs';

const record = (...jobs: Job[]): BatchImageRecord => ({ entry: buildEntry(jobs)!, jobs });
const now = new Date('2025-06-07T08:09:10Z');
const batch = [
  record(job('a', 'img1', 1, { style: 'stable-diffusion', text: 'fox, snow\nNegative prompt: blurry' })),
  record(job('b', 'img2', 2, { status: 'failed', text: '', error: { code: 'image-decode' } })),
  { entry: buildEntry([job('c', 'img3', 3)])!, jobs: [] },
];

describe('batch prompts export', () => {
  it('JSON is a history export that imports back into history', () => {
    const text = exportBatchPrompts('json', batch, { now });
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ format: 'promptlens-history', exportedAt: '2025-06-07T08:09:10.000Z' });
    expect(parsed.entries.map((entry: { id: string }) => entry.id)).toEqual(['img1', 'img2']);
    const read = readImport(text);
    expect(read.ok).toBe(true);
  });

  it('CSV and Markdown are the history formats, in batch order', () => {
    const csv = exportBatchPrompts('csv', batch, { now });
    expect(csv.startsWith('\uFEFFentry_id,prompt_id,')).toBe(true);
    expect(
      csv
        .split('\r\n')
        .slice(1, 3)
        .map((line) => line.split(',')[0]),
    ).toEqual(['img1', 'img2']);
    const md = exportBatchPrompts('markdown', batch, { now, markdown: { title: 'Batch: Foxes' } });
    expect(md.startsWith('# Batch: Foxes\n')).toBe(true);
    expect(md).toContain('fox, snow\nNegative prompt: blurry');
  });

  it('an image without prompts is left out', () => {
    expect(batchExportFile(batch, now).entries).toHaveLength(2);
  });
});

/** A Compare models run as the page shows it: the jobs one run started, column by column. */
import type { Job, JobTiming } from '../jobs/types';

/**
 * What starting a run answers: its id, or why it did not start. 'image-gone': the stored image
 * was let go by the bounded image cache; 'pick': not 2–4 saved models; 'no-job': the prompt is gone.
 */
export type CompareStart = { ok: true; id: string } | { ok: false; reason: 'image-gone' | 'pick' | 'no-job' };

/** The newest run among an entry's jobs, its columns in order; empty when there was none. */
export function latestComparison(jobs: readonly Job[]): Job[] {
  const columns = jobs.filter((job) => job.comparison);
  const newest = columns.reduce<Job | undefined>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), undefined);
  if (!newest) return [];
  return columns
    .filter((job) => job.comparison!.id === newest.comparison!.id)
    .sort((a, b) => a.comparison!.column - b.comparison!.column);
}

export interface TimingFigures {
  /** From the request to its first words. */
  firstTokenMs?: number;
  /** From the request to the end of the answer, or to now while it streams. */
  totalMs?: number;
}

/** `now` only while the answer streams; a failed answer has no total. */
export function timingFigures(timing: JobTiming | undefined, now?: number): TimingFigures {
  if (!timing) return {};
  const end = timing.doneAt ?? now;
  return {
    ...(timing.firstTokenAt !== undefined ? { firstTokenMs: Math.max(0, timing.firstTokenAt - timing.sentAt) } : {}),
    ...(end !== undefined ? { totalMs: Math.max(0, end - timing.sentAt) } : {}),
  };
}

/** Seconds as the figures show them: 0.42 s, 3.1 s, 12 s. */
export function secondsOf(ms: number): number {
  const s = ms / 1000;
  return s < 1 ? Math.round(s * 100) / 100 : s < 10 ? Math.round(s * 10) / 10 : Math.round(s);
}

/** Whether any column is still waiting or writing: Cancel applies. */
export const anyActive = (columns: readonly Job[]) =>
  columns.some((job) => job.status === 'queued' || job.status === 'running');

/** Columns whose prompt can be recreated: finished, not a refusal, some text. */
export const recreatable = (columns: readonly Job[]) =>
  columns.filter((job) => job.status === 'done' && job.kind !== 'refusal' && job.text.trim() !== '');

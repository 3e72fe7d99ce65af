/**
 * Scores and refine runs on the recreations' records. Each write also keeps `activeSince`
 * right: set while either is running, gone once both have ended, so a worker that stopped
 * mid-way is found by the index at its next start.
 */
import { db } from '../history/db';
import type { StoredGeneration } from '../history/generation-types';
import type { RefineRun, ScoreRecord } from './types';

function settleActivity(row: StoredGeneration, now: number): void {
  const busy = row.score?.status === 'running' || row.refineRun?.status === 'running';
  if (!busy) delete row.activeSince;
  else row.activeSince ??= now;
}

async function change(id: string, edit: (row: StoredGeneration) => void): Promise<void> {
  const now = Date.now();
  await db.generations
    .where('id')
    .equals(id)
    .modify((row) => {
      edit(row);
      row.updatedAt = now;
      settleActivity(row, now);
    });
}

export const saveScore = (id: string, score: ScoreRecord) =>
  change(id, (row) => {
    row.score = score;
  });

export const saveRun = (id: string, run: RefineRun) =>
  change(id, (row) => {
    row.refineRun = run;
  });

export const saveRefinedJob = (id: string, jobId: string) =>
  change(id, (row) => {
    row.refinedJobId = jobId;
  });

/** At every worker start: what a stopped worker left running ends, said so, and nothing else is lost. */
export async function endStaleScoring(startedAt: number): Promise<void> {
  await db.generations
    .where('activeSince')
    .below(startedAt)
    .modify((row) => {
      if (row.score?.status === 'running')
        row.score = { ...row.score, status: 'failed', error: { code: 'interrupted' } };
      if (row.refineRun?.status === 'running') {
        const { phase: _phase, round: _round, ...run } = row.refineRun;
        row.refineRun = { ...run, status: 'ended', end: 'interrupted' };
      }
      delete row.activeSince;
    });
}

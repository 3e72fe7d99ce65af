/** What "How close?" and "Refine and recreate" keep on a recreation's record (lib/history/generation-types.ts). */
import type { JobError } from '../errors';
import type { ProviderId } from '../providers/presets';
import type { Verdict } from './verdict-schema';

/** The verdict on one recreation, or why there is none. Asked again, it is replaced. */
export interface ScoreRecord {
  status: 'running' | 'done' | 'failed';
  verdict?: Verdict;
  error?: JobError;
  /** The vision provider and model that judged. */
  provider: ProviderId;
  model: string;
  at: number;
  /** While running: waiting to try again after 429/5xx, until this time. */
  retry?: { until: number; status?: number };
}

export type RunPhase = 'score' | 'prompt' | 'image';
/** Why a run ended: the target reached, the round limit, the user's Cancel, a worker stop, a failure. */
export type RunEnd = 'target' | 'limit' | 'cancelled' | 'interrupted' | 'error';

/** One "Refine and recreate", kept on the recreation it started from. */
export interface RefineRun {
  id: string;
  status: 'running' | 'ended';
  target: number;
  maxRounds: number;
  /** Recreation ids in round order; the first is where the run started. */
  rounds: string[];
  /** What the current round (1-based) is doing, while running. */
  phase?: RunPhase;
  round?: number;
  end?: RunEnd;
  /** A scoring or refining failure (a recreation's own failure stays on its record). */
  error?: JobError;
  startedAt: number;
}

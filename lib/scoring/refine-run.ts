/**
 * "Refine and recreate": prompt → image → score rounds until a round reaches the target score
 * or the round limit. The steps are injected (the background's), so the loop itself is plain
 * and tested in Node. The run record is saved at every step: the page follows it live, and it
 * outlives the worker and the browser.
 */
import type { JobError } from '../errors';
import { bestRound, decideNext } from './rounds';
import type { RefineRun, RunPhase } from './types';

export interface RecreationStarted {
  id: string;
  /** Settles when the image is there; rejects when the recreation failed (its record says why). */
  done: Promise<void>;
}

export interface RefineSteps {
  /** The verdict's overall score for a recreation; rejects with the reason it could not be had. */
  score(generationId: string): Promise<number>;
  /** An improved prompt from a scored recreation: answers the new prompt's job id. */
  refine(generationId: string): Promise<string>;
  recreate(jobId: string): Promise<RecreationStarted>;
  save(run: RefineRun): Promise<void>;
  /** A step's failure as the error the page shows; undefined when the failing record already says it. */
  describe(error: unknown): JobError | undefined;
  signal: AbortSignal;
  now?: () => number;
}

export interface RefineStart {
  generationId: string;
  /** Its overall score, when "How close?" already gave one. */
  score?: number;
  target: number;
  maxRounds: number;
}

export async function runRefinement(start: RefineStart, steps: RefineSteps): Promise<RefineRun> {
  const run: RefineRun = {
    id: crypto.randomUUID(),
    status: 'running',
    target: start.target,
    maxRounds: start.maxRounds,
    rounds: [start.generationId],
    startedAt: (steps.now ?? Date.now)(),
  };
  const scores: Array<number | undefined> = [start.score];
  const enter = async (phase: RunPhase, round: number) => {
    steps.signal.throwIfAborted();
    run.phase = phase;
    run.round = round;
    await steps.save({ ...run });
  };
  try {
    if (scores[0] === undefined) {
      await enter('score', 1);
      scores[0] = await steps.score(start.generationId);
    }
    for (;;) {
      const decision = decideNext(scores, run.target, run.maxRounds);
      if (decision !== 'continue') {
        run.end = decision;
        break;
      }
      // From the best round so far: a worse round's prompt is not a better place to start.
      const from = run.rounds[bestRound(scores)!]!;
      await enter('prompt', scores.length + 1);
      const jobId = await steps.refine(from);
      await enter('image', scores.length + 1);
      const recreation = await steps.recreate(jobId);
      run.rounds.push(recreation.id);
      scores.push(undefined);
      await steps.save({ ...run });
      await recreation.done;
      await enter('score', scores.length);
      scores[scores.length - 1] = await steps.score(recreation.id);
    }
  } catch (error) {
    if (steps.signal.aborted) run.end = 'cancelled';
    else {
      run.end = 'error';
      const described = steps.describe(error);
      if (described) run.error = described;
    }
  }
  run.status = 'ended';
  delete run.phase;
  delete run.round;
  await steps.save({ ...run });
  return run;
}

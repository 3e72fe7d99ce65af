import { JobFailure } from '@/lib/errors';
import { getGeneration } from '@/lib/history/generations';
import { runRefinement } from '@/lib/scoring/refine-run';
import { saveRun } from '@/lib/scoring/score-store';
import { loadSettings } from '@/lib/settings';
import { holdAwake } from './keep-alive';
import { cancelGeneration, startRecreate } from './recreate';
import { refinePrompt } from './refine-prompt';
import { scoreGeneration, visionError } from './score-generation';
import { worker } from './worker-state';

/**
 * "How close?", "Refine" and "Refine and recreate", one at a time per recreation, each with a
 * Cancel. Everything they produce is on the records; the promises here only keep the worker awake.
 */
const active = worker.scoringRuns;

function track(generationId: string, work: (signal: AbortSignal) => Promise<unknown>): void {
  if (active.has(generationId)) return;
  const controller = new AbortController();
  active.set(generationId, controller);
  const release = holdAwake();
  void work(controller.signal)
    .catch(() => undefined)
    .finally(() => {
      active.delete(generationId);
      release();
    });
}

export const startScoring = (generationId: string) => track(generationId, (s) => scoreGeneration(generationId, s));

export const startRefine = (generationId: string) => track(generationId, (s) => refinePrompt(generationId, s));

export function cancelScoring(generationId: string): void {
  active.get(generationId)?.abort(new JobFailure({ code: 'cancelled' }));
}

/** "Refine and recreate" from this recreation; the run is kept on its record. */
export function startRefineRun(generationId: string): void {
  track(generationId, async (signal) => {
    const [settings, start] = await Promise.all([loadSettings(), getGeneration(generationId)]);
    if (start?.status !== 'done') return;
    const verdict = start.score?.status === 'done' ? start.score.verdict : undefined;
    await runRefinement(
      {
        generationId,
        ...(verdict ? { score: verdict.overall } : {}),
        target: settings.targetScore,
        maxRounds: settings.maxRounds,
      },
      {
        signal,
        score: (id) => scoreGeneration(id, signal),
        refine: (id) => refinePrompt(id, signal),
        recreate: async (jobId) => {
          const started = await startRecreate(jobId);
          if (!started) throw new JobFailure({ code: 'refused' });
          const stop = () => cancelGeneration(started.id);
          signal.addEventListener('abort', stop, { once: true });
          const done = started.done.then(async () => {
            signal.removeEventListener('abort', stop);
            // The recreation's own record tells its failure; the run only stops.
            if ((await getGeneration(started.id))?.status !== 'done') throw new Error('recreation failed');
          });
          return { id: started.id, done };
        },
        save: (run) => saveRun(generationId, run),
        // Score and refine failures are already on their records; the run repeats them for its status line.
        describe: (error) => (error instanceof JobFailure ? visionError(error, signal) : undefined),
      },
    );
  });
}

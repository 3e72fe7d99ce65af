/** Scores and refine runs on the recreations' records: kept through a worker stop, never left "running". */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/history/db';
import type { StoredGeneration } from '@/lib/history/generation-types';
import { clearHistory } from '@/lib/history/queries';
import { endStaleScoring, saveRun, saveScore } from '@/lib/scoring/score-store';

const row = (id: string): StoredGeneration => ({
  id,
  entryId: 'entry',
  jobId: 'job',
  createdAt: 1,
  updatedAt: 1,
  status: 'done',
  provider: 'openai',
  model: 'gpt-image-1-mini',
  size: '1024x1024',
  prompt: 'A fox',
  notes: [],
});
const judge = { provider: 'openai', model: 'gpt-5.4-mini', at: 1 } as const;
const verdict = {
  overall: 90,
  scores: { subject: 90, composition: 90, style: 90, colour: 90, lighting: 90 },
  differences: [],
};

beforeEach(() => clearHistory());

describe('score store', () => {
  it('marks a record busy while a score or a run is running, and clears it once both ended', async () => {
    await db.generations.bulkAdd([row('a'), row('b')]);
    await saveScore('a', { status: 'running', ...judge });
    expect((await db.generations.get('a'))?.activeSince).toBeTypeOf('number');
    const run = { id: 'run', status: 'running' as const, target: 85, maxRounds: 3, rounds: ['a'], startedAt: 1 };
    await saveRun('a', run);
    await saveScore('a', { status: 'done', verdict, ...judge });
    expect((await db.generations.get('a'))?.activeSince).toBeTypeOf('number');
    await saveRun('a', { ...run, status: 'ended', end: 'target' });
    const done = await db.generations.get('a');
    expect(done?.activeSince).toBeUndefined();
    expect(done?.score?.verdict?.overall).toBe(90);
  });

  it(
    'after a worker stop: a running score fails as ' + 'interrupted, a running run ends as interrupted, rounds kept',
    async () => {
      await db.generations.bulkAdd([row('a'), row('b'), row('c')]);
      await saveScore('a', { status: 'running', ...judge });
      await saveRun('b', {
        id: 'run',
        status: 'running',
        phase: 'image',
        target: 85,
        maxRounds: 3,
        rounds: ['b', 'c'],
        startedAt: 1,
      });
      await saveScore('c', { status: 'done', verdict, ...judge });
      await endStaleScoring(Date.now() + 1);
      const [a, b, c] = await db.generations.bulkGet(['a', 'b', 'c']);
      expect(a?.score).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
      expect(b?.refineRun).toMatchObject({ status: 'ended', end: 'interrupted', rounds: ['b', 'c'] });
      expect(b?.refineRun?.phase).toBeUndefined();
      expect(c?.score?.status).toBe('done');
      expect(await db.generations.where('activeSince').above(0).count()).toBe(0);
    },
  );
});

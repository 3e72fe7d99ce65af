/** "How close?" and "Refine and recreate": the verdict's parsing and repair, the rounds, the loop, and the requests. */
import { describe, expect, it } from 'vitest';
import { buildChatRequest } from '@/lib/providers/request-params';
import { PRESETS } from '@/lib/providers/presets';
import { refineMessages, scoringMessages } from '@/lib/scoring/messages';
import { runRefinement, type RefineSteps } from '@/lib/scoring/refine-run';
import { bestRound, decideNext } from '@/lib/scoring/rounds';
import type { RefineRun } from '@/lib/scoring/types';
import { parseVerdict } from '@/lib/scoring/verdict';
import { VERDICT_SCHEMA, VERDICT_SCHEMA_NAME } from '@/lib/scoring/verdict-schema';
import { JobFailure } from '@/lib/errors';
import { validateChatRequest } from '../support/openai-contract';

const good = {
  overall: 62,
  subject: 80,
  composition: 55,
  style: 70,
  colour: 40,
  lighting: 60,
  differences: ['The fox faces left in the original', 'The snow is bluer'],
};

describe('parseVerdict', () => {
  it('takes a structured answer as it is', () => {
    expect(parseVerdict(JSON.stringify(good))).toEqual({
      ok: true,
      verdict: {
        overall: 62,
        scores: { subject: 80, composition: 55, style: 70, colour: 40, lighting: 60 },
        differences: good.differences,
      },
    });
  });

  it(
    'repairs what models write without structured output: ' + 'fences, prose, trailing commas, strings, other names',
    () => {
      const text =
        'Here is my assessment:\n```json\n{"Overall Score": "71/100", "scores": {"Subject": 90, "Composition": 65.6, ' +
        '"Style/Medium": "80%", "Color": 50, "Light": 70,}, "differences": "- colder light\\n- the fox is ' +
        'smaller",}\n```';
      const parsed = parseVerdict(text);
      expect(parsed).toEqual({
        ok: true,
        verdict: {
          overall: 71,
          scores: { subject: 90, composition: 66, style: 80, colour: 50, lighting: 70 },
          differences: ['colder light', 'the fox is smaller'],
        },
      });
    },
  );

  it('keeps scores within 0–100 and at most six differences', () => {
    const parsed = parseVerdict(JSON.stringify({ ...good, overall: 140, colour: -3, differences: Array(9).fill('x') }));
    expect(parsed.ok && parsed.verdict.overall).toBe(100);
    expect(parsed.ok && parsed.verdict.scores.colour).toBe(0);
    expect(parsed.ok && parsed.verdict.differences).toHaveLength(6);
  });

  it('says why an answer is unusable', () => {
    expect(parseVerdict('They look quite similar.')).toEqual({ ok: false, reason: 'no JSON object in the answer' });
    const missing = parseVerdict(JSON.stringify({ overall: 50, differences: [] }));
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.reason).toMatch(/subject/);
    const words = parseVerdict(JSON.stringify({ ...good, lighting: 'good' }));
    expect(!words.ok && words.reason).toMatch(/lighting/);
  });
});

describe('rounds', () => {
  it('best round: the highest score, the earliest on a tie, none while unscored', () => {
    expect(bestRound([])).toBeUndefined();
    expect(bestRound([undefined])).toBeUndefined();
    expect(bestRound([40, 72, 72, undefined])).toBe(1);
  });

  it('stops at the target (reached by any round) or at the round limit', () => {
    expect(decideNext([40], 85, 3)).toBe('continue');
    expect(decideNext([40, 90], 85, 3)).toBe('target');
    expect(decideNext([85], 85, 3)).toBe('target');
    expect(decideNext([40, 60, 70], 85, 3)).toBe('limit');
    expect(decideNext([40, 50], 85, 2)).toBe('limit');
  });
});

/** A fake background: recreation ids r1, r2…; scores from a list; every save recorded. */
function fakeSteps(scores: number[], patch: Partial<RefineSteps> = {}) {
  const saved: RefineRun[] = [];
  const calls: string[] = [];
  const controller = new AbortController();
  let next = 1;
  const steps: RefineSteps = {
    signal: controller.signal,
    score: async (id) => {
      calls.push(`score ${id}`);
      const score = scores.shift();
      if (score === undefined) throw new JobFailure({ code: 'invalid-verdict' });
      return score;
    },
    refine: async (id) => {
      calls.push(`refine ${id}`);
      return `job${next}`;
    },
    recreate: async (jobId) => {
      calls.push(`recreate ${jobId}`);
      return { id: `r${next++}`, done: Promise.resolve() };
    },
    save: async (run) => void saved.push(run),
    describe: (error) => (error instanceof JobFailure ? error.info : undefined),
    ...patch,
  };
  return { steps, saved, calls, controller };
}

describe('runRefinement', () => {
  it('round 1 scored low, round 2 reaches the target: two rounds, ended on the target', async () => {
    const { steps, saved, calls } = fakeSteps([92]);
    const run = await runRefinement({ generationId: 'g0', score: 40, target: 85, maxRounds: 3 }, steps);
    expect(calls).toEqual(['refine g0', 'recreate job1', 'score r1']);
    expect(run).toMatchObject({ status: 'ended', end: 'target', rounds: ['g0', 'r1'] });
    expect(run.phase).toBeUndefined();
    // The page sees each phase as it comes.
    expect(saved.map((r) => r.phase && `${r.phase} ${r.round}`)).toEqual([
      'prompt 2',
      'image 2',
      'image 2',
      'score 2',
      undefined,
    ]);
  });

  it('scores the first round when it has no verdict, and refines from the best round so far', async () => {
    const { steps, calls } = fakeSteps([50, 30, 60]);
    const run = await runRefinement({ generationId: 'g0', target: 85, maxRounds: 3 }, steps);
    expect(calls).toEqual([
      'score g0',
      'refine g0',
      'recreate job1',
      'score r1',
      'refine g0',
      'recreate job2',
      'score r2',
    ]);
    expect(run).toMatchObject({ end: 'limit', rounds: ['g0', 'r1', 'r2'] });
  });

  it('a failing step ends the run with its reason; a recreation’s own failure stays on its record', async () => {
    const failed = await runRefinement(
      { generationId: 'g0', score: 10, target: 85, maxRounds: 3 },
      fakeSteps([]).steps,
    );
    expect(failed).toMatchObject({ end: 'error', error: { code: 'invalid-verdict' }, rounds: ['g0', 'r1'] });
    const broken = fakeSteps([]);
    broken.steps.recreate = async () => ({ id: 'r9', done: Promise.reject(new Error('blank')) });
    const run = await runRefinement({ generationId: 'g0', score: 10, target: 85, maxRounds: 3 }, broken.steps);
    expect(run).toMatchObject({ end: 'error', rounds: ['g0', 'r9'] });
    expect(run.error).toBeUndefined();
  });

  it('Cancel ends the run as cancelled, with every round so far kept', async () => {
    const { steps, controller } = fakeSteps([40]);
    steps.refine = async () => {
      controller.abort();
      throw new JobFailure({ code: 'cancelled' });
    };
    const run = await runRefinement({ generationId: 'g0', score: 40, target: 85, maxRounds: 3 }, steps);
    expect(run).toMatchObject({ status: 'ended', end: 'cancelled', rounds: ['g0'] });
  });
});

describe('requests', () => {
  const pair = { original: 'data:image/jpeg;base64,AAAA', recreation: 'data:image/png;base64,BBBB', detailHint: true };

  it('"How close?" asks OpenAI for the verdict as strict structured output, valid against its spec', () => {
    const body = buildChatRequest(PRESETS.openai, 'gpt-5.4-mini', scoringMessages(pair, 'German'), {
      structured: { name: VERDICT_SCHEMA_NAME, schema: VERDICT_SCHEMA as unknown as Record<string, unknown> },
    });
    expect(validateChatRequest(body)).toEqual([]);
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'image_comparison', strict: true },
    });
    // Strict mode: every property required, none other allowed.
    expect([...VERDICT_SCHEMA.required].sort()).toEqual(Object.keys(VERDICT_SCHEMA.properties).sort());
    expect(JSON.stringify(body.messages)).toContain('Write the differences in German.');
  });

  it('other providers get no response_format: the instruction names the JSON and the answer is repaired', () => {
    const body = buildChatRequest(PRESETS.groq, 'llama', scoringMessages(pair, 'English'), {
      structured: { name: VERDICT_SCHEMA_NAME, schema: VERDICT_SCHEMA as unknown as Record<string, unknown> },
    });
    expect(body.response_format).toBeUndefined();
    expect(validateChatRequest(body)).toEqual([]);
  });

  it('the messages, exactly', () => {
    expect(scoringMessages(pair, 'English')).toMatchSnapshot();
    expect(
      refineMessages(pair, {
        styleInstruction: 'Describe the image as one vivid paragraph.',
        prompt: 'A red fox in snow',
        differences: ['The fox faces left', 'Bluer snow'],
      }),
    ).toMatchSnapshot();
  });
});

import { describe, expect, it } from 'vitest';
import {
  afterOutcome,
  INITIAL_FLOW,
  nextStartAt,
  resumeFlow,
  shouldPause,
  type FlowState,
  type ItemOutcome,
} from '@/lib/batch/flow-control';
import { estimateTimeLeft, median, summarizeProgress, type ProgressItem } from '@/lib/batch/progress';

const done = (startedAt: number, ms: number): ProgressItem => ({
  status: 'done',
  startedAt,
  finishedAt: startedAt + ms,
});

describe('summarizeProgress', () => {
  it('counts each status and gives "12 of 40"', () => {
    const items: ProgressItem[] = [
      ...Array.from({ length: 10 }, () => ({ status: 'done' as const })),
      { status: 'failed' },
      { status: 'failed' },
      { status: 'fetching' },
      { status: 'writing' },
      ...Array.from({ length: 26 }, () => ({ status: 'waiting' as const })),
    ];
    expect(summarizeProgress(items)).toEqual({
      counts: { waiting: 26, fetching: 1, writing: 1, done: 10, failed: 2 },
      finished: 12,
      total: 40,
      remaining: 28,
    });
  });

  it('an empty batch is finished', () => {
    expect(summarizeProgress([])).toMatchObject({ finished: 0, total: 0, remaining: 0 });
  });
});

describe('estimateTimeLeft', () => {
  const waiting = (n: number) => Array.from({ length: n }, () => ({ status: 'waiting' as const }));

  it('is unknown until an image is done, and zero when nothing is left', () => {
    expect(
      estimateTimeLeft([{ status: 'fetching', startedAt: 0 }, ...waiting(3)], { concurrency: 2, now: 10 }),
    ).toBeUndefined();
    expect(estimateTimeLeft([done(0, 1000)], { concurrency: 2, now: 10 })).toBe(0);
  });

  it('median of recent durations × rounds of the remaining images at the concurrency', () => {
    const items = [done(0, 1000), done(0, 3000), done(0, 2000), ...waiting(5)];
    // 5 left, 2 at once → 3 rounds of the median 2 s.
    expect(estimateTimeLeft(items, { concurrency: 2, now: 0 })).toBe(6000);
  });

  it('one image stuck behind a retry does not blow the estimate up', () => {
    const items = [done(0, 2000), done(10, 2000), done(20, 90_000), done(30, 2100), ...waiting(4)];
    expect(estimateTimeLeft(items, { concurrency: 4, now: 0 })).toBe(2050);
  });

  it('follows the recent pace: only the last `window` done images count', () => {
    const slowStart = Array.from({ length: 10 }, (_, i) => done(i, 10_000));
    const fastNow = Array.from({ length: 5 }, (_, i) => done(100_000 + i, 1_000));
    expect(estimateTimeLeft([...slowStart, ...fastNow, ...waiting(1)], { concurrency: 1, window: 5, now: 0 })).toBe(
      1000,
    );
  });

  it("adds the wait a 429's Retry-After imposes", () => {
    expect(estimateTimeLeft([done(0, 1000), ...waiting(1)], { concurrency: 1, notBefore: 35_000, now: 5_000 })).toBe(
      31_000,
    );
  });

  it('median of even and odd counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe('flow control', () => {
  const run = (outcomes: ItemOutcome[], now = 0): FlowState =>
    outcomes.reduce((state, o) => afterOutcome(state, o, now), INITIAL_FLOW);
  const fail: ItemOutcome = { type: 'failed', reason: 'http-500' };

  it('pauses after 5 failures in a row, and says the last reason', () => {
    const four = run([fail, fail, fail, fail]);
    expect(shouldPause(four)).toBe(false);
    const five = afterOutcome(four, { type: 'failed', reason: 'invalid-key' }, 0);
    expect(shouldPause(five)).toBe(true);
    expect(five.lastFailure).toBe('invalid-key');
  });

  it('a done image in between starts the count over; a 429 neither counts nor resets', () => {
    expect(shouldPause(run([fail, fail, fail, fail, { type: 'done' }, fail, fail, fail, fail]))).toBe(false);
    expect(run([fail, fail, { type: 'rate-limited' }, fail]).failuresInRow).toBe(3);
  });

  it('resuming clears the count', () => {
    const resumed = resumeFlow(run([fail, fail, fail, fail, fail]));
    expect(shouldPause(resumed)).toBe(false);
    expect(resumed.lastFailure).toBeUndefined();
  });

  it('a 429 holds every image back for its Retry-After and spaces later starts', () => {
    const state = afterOutcome(INITIAL_FLOW, { type: 'rate-limited', retryAfterMs: 20_000 }, 1_000);
    expect(nextStartAt(state, undefined, 2_000)).toBe(21_000);
    expect(nextStartAt(state, 30_000, 30_100)).toBe(30_000 + state.spacingMs);
    expect(state.spacingMs).toBeGreaterThan(0);
  });

  it('without Retry-After backs off exponentially, and never shortens a wait already asked for', () => {
    const one = afterOutcome(INITIAL_FLOW, { type: 'rate-limited' }, 0);
    const two = afterOutcome(one, { type: 'rate-limited' }, 0);
    expect([one.notBefore, two.notBefore]).toEqual([2_000, 4_000]);
    const shorter = afterOutcome(
      { ...INITIAL_FLOW, notBefore: 50_000 },
      { type: 'rate-limited', retryAfterMs: 1_000 },
      0,
    );
    expect(shorter.notBefore).toBe(50_000);
  });

  it('answers bring the pace back', () => {
    let state = run([{ type: 'rate-limited' }, { type: 'rate-limited' }, { type: 'rate-limited' }]);
    expect(state.spacingMs).toBe(2_000);
    for (let i = 0; i < 5; i++) state = afterOutcome(state, { type: 'done' }, 0);
    expect(state.spacingMs).toBe(0);
    expect(nextStartAt(state, 9_000, 9_000)).toBe(9_000);
  });
});

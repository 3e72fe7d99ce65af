/**
 * When the batch pauses itself or slows down. Five failures in a row mean something is wrong
 * for every image (a key revoked, a provider down): going on would only fail the rest. A 429
 * is not a failure of the image: the whole batch waits as long as the provider asks, then
 * starts images further apart until answers come back.
 */
export const FAILURES_BEFORE_PAUSE = 5;
/** Without Retry-After, the first wait; doubled on each 429 in a row. */
const FIRST_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 60_000;
const MAX_SPACING_MS = 10_000;

export interface FlowState {
  /** Failures since the last image that was done. */
  failuresInRow: number;
  /** The reason of the last failure: what the UI says when the batch pauses itself. */
  lastFailure?: string;
  /** No image starts before this time (ms since epoch). */
  notBefore: number;
  /** At least this long between two image starts; grows with 429s, shrinks with answers. */
  spacingMs: number;
  /** 429s in a row, for the backoff when no Retry-After came. */
  rateLimitsInRow: number;
}

export const INITIAL_FLOW: FlowState = { failuresInRow: 0, notBefore: 0, spacingMs: 0, rateLimitsInRow: 0 };

export type ItemOutcome =
  | { type: 'done' }
  | { type: 'failed'; reason: string }
  /** The image goes back to waiting; it is not counted as failed. */
  | { type: 'rate-limited'; retryAfterMs?: number };

export function afterOutcome(state: FlowState, outcome: ItemOutcome, now: number): FlowState {
  switch (outcome.type) {
    case 'done':
      return {
        ...state,
        failuresInRow: 0,
        rateLimitsInRow: 0,
        spacingMs: state.spacingMs < 200 ? 0 : Math.round(state.spacingMs / 2),
      };
    case 'failed':
      return { ...state, failuresInRow: state.failuresInRow + 1, lastFailure: outcome.reason };
    case 'rate-limited': {
      const rateLimitsInRow = state.rateLimitsInRow + 1;
      const wait = outcome.retryAfterMs ?? Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (rateLimitsInRow - 1));
      return {
        ...state,
        rateLimitsInRow,
        notBefore: Math.max(state.notBefore, now + wait),
        spacingMs: Math.min(MAX_SPACING_MS, Math.max(500, state.spacingMs * 2)),
      };
    }
  }
}

/** The batch pauses itself and says why (`lastFailure`). */
export function shouldPause(state: FlowState, limit = FAILURES_BEFORE_PAUSE): boolean {
  return state.failuresInRow >= limit;
}

/** The earliest time the next image may start, given when the previous one started. */
export function nextStartAt(state: FlowState, lastStartAt: number | undefined, now: number): number {
  const spaced = lastStartAt === undefined ? now : lastStartAt + state.spacingMs;
  return Math.max(now, state.notBefore, spaced);
}

/** The user resumes a paused batch: the failures in a row start over. */
export function resumeFlow(state: FlowState): FlowState {
  const { lastFailure: _reason, ...rest } = state;
  return { ...rest, failuresInRow: 0 };
}

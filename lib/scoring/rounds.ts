/** Which round is best, and whether another round is worth running. */

/** The round with the highest overall score (the earliest on a tie); undefined while none is scored. */
export function bestRound(scores: ReadonlyArray<number | undefined>): number | undefined {
  let best: number | undefined;
  scores.forEach((score, index) => {
    if (score !== undefined && (best === undefined || score > scores[best]!)) best = index;
  });
  return best;
}

export type RoundDecision = 'target' | 'limit' | 'continue';

/** After a round is scored: stop once any round reaches the target, or when the rounds are used up. */
export function decideNext(
  scores: ReadonlyArray<number | undefined>,
  target: number,
  maxRounds: number,
): RoundDecision {
  const best = bestRound(scores);
  if (best !== undefined && scores[best]! >= target) return 'target';
  return scores.length >= maxRounds ? 'limit' : 'continue';
}

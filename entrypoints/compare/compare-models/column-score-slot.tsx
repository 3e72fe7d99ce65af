/**
 * Where a column's "How close?" goes (issue 12, Score): the scoring branch answers
 * `scoreGeneration(generationId)` with the verdict; the lead wires its button and "NN / 100" here
 * after merging. Compare models builds no scoring of its own.
 */
export function ColumnScoreSlot(_props: { generationId: string }) {
  return null;
}

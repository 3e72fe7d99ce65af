/** Which saved models a comparison runs: 2 to 4 of them, in the list's order. */
import type { VisionModel } from './vision-models';

export const PICK_RANGE = { min: 2, max: 4 } as const;

/** The default first, then the next saved ones, up to the fewest a comparison needs. */
export function initialPick(list: VisionModel[], defaultId: string | undefined): string[] {
  const ordered = defaultId
    ? [defaultId, ...list.map((m) => m.id).filter((id) => id !== defaultId)]
    : list.map((m) => m.id);
  return ordered.filter((id) => list.some((m) => m.id === id)).slice(0, PICK_RANGE.min);
}

/** Ticks or unticks one; a fifth tick is refused (the box stays unticked). */
export function togglePick(picked: string[], id: string): string[] {
  if (picked.includes(id)) return picked.filter((p) => p !== id);
  return picked.length >= PICK_RANGE.max ? picked : [...picked, id];
}

/** The models to run, in list order, or undefined when the pick is not 2–4 saved models. */
export function pickedModels(list: VisionModel[], picked: readonly string[]): VisionModel[] | undefined {
  const models = list.filter((m) => picked.includes(m.id));
  return models.length >= PICK_RANGE.min && models.length <= PICK_RANGE.max ? models : undefined;
}

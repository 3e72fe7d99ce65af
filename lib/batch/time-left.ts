/**
 * An estimate in the unit a person would say it in ("about 40 seconds", "about 3 minutes",
 * "about 2 hours"), rounded up: an estimate that runs over reads worse than one that runs short.
 */
export interface Duration {
  value: number;
  unit: 'second' | 'minute' | 'hour';
}

export function roundDuration(ms: number): Duration {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  // Seconds only below a minute, and in steps of 5: a count-down by the second would only flicker.
  if (seconds < 60) return { value: Math.min(55, Math.ceil(seconds / 5) * 5), unit: 'second' };
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return { value: minutes, unit: 'minute' };
  return { value: Math.ceil(minutes / 60), unit: 'hour' };
}

/** "3 minutes", in the interface language. */
export function formatDuration(ms: number, language: string): string {
  const { value, unit } = roundDuration(ms);
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

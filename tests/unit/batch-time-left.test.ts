import { describe, expect, it } from 'vitest';
import { formatDuration, roundDuration } from '@/lib/batch/time-left';

describe('time left, as a person would say it', () => {
  it('seconds in steps of 5 below a minute, rounded up', () => {
    expect(roundDuration(0)).toEqual({ value: 5, unit: 'second' });
    expect(roundDuration(11_000)).toEqual({ value: 15, unit: 'second' });
    expect(roundDuration(59_000)).toEqual({ value: 55, unit: 'second' });
  });

  it('minutes up to an hour and a half, then hours, rounded up', () => {
    expect(roundDuration(60_000)).toEqual({ value: 1, unit: 'minute' });
    expect(roundDuration(61_000)).toEqual({ value: 2, unit: 'minute' });
    expect(roundDuration(89 * 60_000)).toEqual({ value: 89, unit: 'minute' });
    expect(roundDuration(90 * 60_000)).toEqual({ value: 2, unit: 'hour' });
  });

  it('in the interface language', () => {
    expect(formatDuration(3 * 60_000, 'en')).toBe('3 minutes');
    expect(formatDuration(3 * 60_000, 'de')).toBe('3 Minuten');
  });
});

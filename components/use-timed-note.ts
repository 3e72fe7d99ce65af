import { useEffect, useState } from 'react';

/**
 * A note shown for a while after an action ("Copied"). Each call shows it anew and restarts its
 * time, even with the same value: a second copy must not have the first one's timer clear its
 * confirmation early.
 */
export function useTimedNote<T>(ms: number): [T | undefined, (value: T) => void] {
  const [note, setNote] = useState<{ value: T }>();
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(undefined), ms);
    return () => clearTimeout(timer);
  }, [note, ms]);
  return [note?.value, (value: T) => setNote({ value })];
}

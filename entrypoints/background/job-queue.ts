import { updateJob } from '@/lib/jobs/job-store';
import { worker } from './worker-state';

/**
 * One line for every job of this worker: at most `concurrency` requests at the provider at
 * once (its rate limit), the rest wait with their image ready. The line itself lives in
 * memory; what a restarted worker needs to rebuild it is in the job records (recoverJobs in
 * lib/jobs/lifecycle.ts).
 */
export function setConcurrency(limit: number): void {
  worker.slots.setLimit(limit);
}

export interface SlotRequest {
  jobId: string;
  /** Earlier goes first: the click's time, or now for a Retry. */
  order: number;
  limit: number;
  signal: AbortSignal;
  /** Settles once the job could be resumed from storage: it is only shown waiting after that. */
  stored: () => Promise<unknown>;
}

/** Resolves with the slot's release once the job may send its request. */
export async function waitForSlot({ jobId, order, limit, signal, stored }: SlotRequest): Promise<() => void> {
  const { slots } = worker;
  slots.setLimit(limit);
  // The common case costs nothing: no write, no wait.
  if (!slots.full) return slots.acquire({ id: jobId, order }, signal);
  await stored();
  const onAhead = (ahead: number) => void updateJob(jobId, { ahead }).catch(() => undefined);
  return slots.acquire({ id: jobId, order, onAhead }, signal);
}

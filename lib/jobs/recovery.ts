import type { Job } from './types';

/**
 * What a restarted worker does with the jobs its predecessor left behind. A job still waiting
 * for a provider slot, its image stored, lost nothing: it goes back in line, in click order.
 * One that was getting its image or already talking to the provider cannot pick up where it
 * was: it fails visibly, keeping any partial text, and offers Retry.
 */
export function resumableJobs(orphans: Job[], storedImages: ReadonlySet<string>): Job[] {
  return orphans
    .filter((job) => job.status === 'queued' && job.image !== undefined && storedImages.has(job.imageId))
    .sort((a, b) => a.createdAt - b.createdAt);
}

import { failOrphanedJobs, orphanedJobs, storedImageIds } from '@/lib/jobs/job-store';
import { resumableJobs } from '@/lib/jobs/recovery';
import { isRunning, retryJob } from './job-runner';

/** At every start of the worker: waiting jobs go back in line, the rest fail with Retry. */
export async function recoverJobs(startedAt: number): Promise<void> {
  const orphans = await orphanedJobs(isRunning, startedAt);
  const resume = resumableJobs(orphans, await storedImageIds(orphans.map((job) => job.imageId)));
  await failOrphanedJobs(isRunning, startedAt, new Set(resume.map((job) => job.id)));
  for (const job of resume) void retryJob(job.id, job.createdAt).catch((error) => console.error('PromptLens: resume', error));
}

import { getJob } from '@/lib/jobs/job-store';
import { newJobOnImageOf, queueJob, recoverJobs, requeueJob, retryReset } from '@/lib/jobs/lifecycle';
import type { Job } from '@/lib/jobs/types';
import type { DetailLevel } from '@/lib/prompt/detail';
import type { StyleId } from '@/lib/prompt/styles';
import { retryComparisonColumn } from './compare-models';
import { isRunning, runJob } from './job-runner';
import { currentProvider } from './provider-config';

/** Runs of a job that are not a click on a page: Regenerate, Retry, and resuming after a worker restart. */
export interface Regeneration {
  jobId: string;
  style: StyleId;
  templateId?: string;
  detail: DetailLevel;
}

/** The same image, another style or detail: a new job beside the first, from the stored image. */
export async function regenerateJob({ jobId, style, templateId, detail }: Regeneration): Promise<string | undefined> {
  const [source, config] = await Promise.all([getJob(jobId), currentProvider()]);
  if (!source) return undefined;
  const template = templateId ? config.settings.templates.find((t) => t.id === templateId) : undefined;
  const job = newJobOnImageOf(source, {
    style,
    template,
    detail,
    language: config.settings.promptLanguage,
    provider: config.settings.provider,
    model: config.model,
  });
  void runJob({ job, config, stored: queueJob(job) });
  return job.id;
}

/**
 * Retry with the settings as they are now (the user may just have fixed them). A Retry joins
 * the end of the line; a job resumed after a worker restart keeps its place (`order`).
 */
export async function retryJob(jobId: string, order = Date.now()): Promise<Job | undefined> {
  if (isRunning(jobId)) return undefined;
  const [job, config] = await Promise.all([getJob(jobId), currentProvider()]);
  if (!job) return undefined;
  // A Compare models column stays with its model: the default would make it another column.
  if (job.comparison) return retryComparisonColumn(jobId, order);
  const setup = { provider: config.settings.provider, model: config.model };
  return runJob({
    job: { ...job, ...retryReset(setup), status: 'queued' },
    config,
    stored: requeueJob(jobId, setup),
    order,
  });
}

/** At every start of the worker: waiting jobs go back in line in click order, the rest fail with Retry. */
export async function resumeJobs(startedAt: number): Promise<void> {
  for (const job of await recoverJobs(isRunning, startedAt)) {
    void retryJob(job.id, job.createdAt).catch((error) => console.error('PromptLens: resume', error));
  }
}

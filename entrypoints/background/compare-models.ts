import { browser } from 'wxt/browser';
import type { CompareStart } from '@/lib/compare-models/comparison';
import { pickedModels } from '@/lib/compare-models/model-pick';
import type { ModelTarget } from '@/lib/compare-models/vision-models';
import { getImage, getJob, updateJob } from '@/lib/jobs/job-store';
import { newJobOnImageOf, queueJob, requeueJob, retryReset } from '@/lib/jobs/lifecycle';
import type { Job } from '@/lib/jobs/types';
import { PRESETS } from '@/lib/providers/presets';
import { apiKeysItem, loadSettings, type ApiKeys, type Settings } from '@/lib/settings';
import { isRunning, runJob } from './job-runner';
import type { ProviderConfig } from './provider-config';
import { compareUrl } from './recreate';

/** The hash the Compare page opens its model picker for (and then removes). */
export const PICKER_HASH = '#compare-models';

/** A saved model as the runner takes it: its provider's key, and room in the line for every column at once. */
function configFor(settings: Settings, keys: ApiKeys, target: ModelTarget, columns: number): ProviderConfig {
  return {
    // The limit protects one provider's rate limit; columns mostly go to different ones and are
    // compared on their timings, which waiting in line would spoil.
    settings: { ...settings, provider: target.provider, concurrency: Math.max(settings.concurrency, columns) },
    preset: PRESETS[target.provider],
    baseUrl: target.baseUrl.trim(),
    model: target.model.trim(),
    apiKey: (keys[target.provider] ?? '').trim(),
  };
}

/**
 * The stored image of `jobId`, in its style and detail, through each picked model at once:
 * one job per column, kept in history like any other prompt for that image.
 */
export async function compareModels({ jobId, modelIds }: { jobId: string; modelIds: string[] }): Promise<CompareStart> {
  const [source, settings, keys] = await Promise.all([getJob(jobId), loadSettings(), apiKeysItem.getValue()]);
  if (!source) return { ok: false, reason: 'no-job' };
  const models = pickedModels(settings.visionModels, modelIds);
  if (!models) return { ok: false, reason: 'pick' };
  // Not fetched from its page again: the comparison is fair only on the very picture the prompt was written from.
  if (!(await getImage(source.imageId))) return { ok: false, reason: 'image-gone' };
  const id = crypto.randomUUID();
  models.forEach((model, column) => {
    const job = newJobOnImageOf(source, { provider: model.provider, model: model.model.trim() });
    job.comparison = { id, column, baseUrl: model.baseUrl.trim() };
    const config = configFor(settings, keys, model, models.length);
    void runJob({ job, config, stored: queueJob(job), timed: true, consented: true });
  });
  return { ok: true, id };
}

/**
 * Retry one column with the model it was run with, whatever the default is now. A Retry joins the
 * end of the line; a column resumed after a worker restart keeps its place (`order`).
 */
export async function retryComparisonColumn(jobId: string, order = Date.now()): Promise<Job | undefined> {
  if (isRunning(jobId)) return undefined;
  const [job, settings, keys] = await Promise.all([getJob(jobId), loadSettings(), apiKeysItem.getValue()]);
  if (!job?.comparison) return undefined;
  const setup = { provider: job.provider, model: job.model };
  const target = { ...setup, baseUrl: job.comparison.baseUrl };
  const stored = requeueJob(jobId, setup).then(() => updateJob(jobId, { timing: undefined }));
  return runJob({
    job: { ...job, ...retryReset(setup), timing: undefined, status: 'queued' },
    config: configFor(settings, keys, target, 1),
    stored,
    order,
    timed: true,
    consented: true,
  });
}

/** The entry's Compare page (the one open, else a new tab) with the model picker open. */
export async function openCompareModels(entryId: string): Promise<void> {
  const base = compareUrl(entryId);
  const url = base + PICKER_HASH;
  const tab = (await browser.tabs.query({})).find((t) => t.url === base || t.url?.startsWith(`${base}#`));
  if (tab?.id === undefined) {
    await browser.tabs.create({ url });
    return;
  }
  // Only the hash changes: the page stays, and opens its picker.
  await browser.tabs.update(tab.id, { active: true, url });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
}

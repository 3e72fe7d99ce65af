import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/history/db';
import { createJob, failOrphanedJobs, getJob, orphanedJobs, saveImage, storedImageIds, updateJob } from '@/lib/jobs/job-store';
import { resumableJobs } from '@/lib/jobs/recovery';

const INFO = { originalWidth: 800, originalHeight: 600, width: 800, height: 600, mime: 'image/jpeg', bytes: 1000 };
const newJob = () => createJob({ style: 'natural', detail: 'standard', language: 'en', provider: 'openai', model: 'm', source: {} });
const pause = () => new Promise((r) => setTimeout(r, 3));

beforeEach(async () => {
  await db.jobs.clear();
  await db.images.clear();
});

describe('a restarted worker and the jobs its predecessor left', () => {
  it('puts waiting jobs with a stored image back in line in click order, and fails the rest visibly', async () => {
    const streaming = await newJob();
    await updateJob(streaming.id, { status: 'running', text: 'half a pro', image: INFO });
    await pause();
    const earlier = await newJob();
    await pause();
    const later = await newJob();
    const gettingImage = await newJob(); // the worker died while it was still downloading
    const lostImage = await newJob(); // waiting, but its image fell out of the cache
    for (const job of [earlier, later]) {
      await saveImage({ id: job.imageId, blob: new Blob(['x']), info: INFO, createdAt: Date.now() });
      await updateJob(job.id, { image: INFO, ahead: 1 });
    }
    await updateJob(lostImage.id, { image: INFO, ahead: 2 });
    await pause();
    const startedAt = Date.now();

    const orphans = await orphanedJobs(() => false, startedAt);
    const resume = resumableJobs(orphans, await storedImageIds(orphans.map((job) => job.imageId)));
    expect(resume.map((job) => job.id)).toEqual([earlier.id, later.id]);
    expect(await failOrphanedJobs(() => false, startedAt, new Set(resume.map((job) => job.id)))).toBe(3);

    expect(await getJob(streaming.id)).toMatchObject({ status: 'failed', error: { code: 'interrupted' }, text: 'half a pro' });
    expect(await getJob(gettingImage.id)).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
    expect(await getJob(lostImage.id)).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
    expect((await getJob(lostImage.id))!.ahead).toBeUndefined();
    expect((await getJob(earlier.id))!.status).toBe('queued');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/history/db';
import { createJob, failOrphanedJobs, getJob, recentJobs, updateJob } from '@/lib/jobs/job-store';

const newJob = () => createJob({ style: 'natural', detail: 'standard', language: 'en', provider: 'openai', model: 'm', source: { pageUrl: 'https://example.com/' } });

beforeEach(async () => {
  await db.jobs.clear();
  await db.images.clear();
});

describe('job store', () => {
  it('creates queued jobs and lists the newest first', async () => {
    const first = await newJob();
    await new Promise((r) => setTimeout(r, 5));
    const second = await newJob();
    expect(first.status).toBe('queued');
    expect((await recentJobs(10)).map((j) => j.id)).toEqual([second.id, first.id]);
  });

  it('a worker restart fails jobs nobody is running any more, with partial text kept', async () => {
    const orphan = await newJob();
    await updateJob(orphan.id, { status: 'running', text: 'A red fox in' });
    const alive = await newJob();
    await updateJob(alive.id, { status: 'running' });
    const done = await newJob();
    await updateJob(done.id, { status: 'done', text: 'finished' });

    await new Promise((r) => setTimeout(r, 5));
    const fresh = await newJob(); // created after the worker started: its own, not an orphan
    expect(await failOrphanedJobs((id) => id === alive.id, fresh.createdAt)).toBe(1);
    expect((await getJob(fresh.id))!.status).toBe('queued');
    expect(await getJob(orphan.id)).toMatchObject({ status: 'failed', error: { code: 'interrupted' }, text: 'A red fox in' });
    expect((await getJob(alive.id))!.status).toBe('running');
    expect((await getJob(done.id))!.status).toBe('done');
  });
});

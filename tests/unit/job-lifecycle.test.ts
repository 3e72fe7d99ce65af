import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/history/db';
import { getJob, recentJobs, saveImage, updateJob } from '@/lib/jobs/job-store';
import {
  failJob,
  finishJob,
  newJobOnImageOf,
  nextStatus,
  recoverJobs,
  requeueJob,
  startJob,
  type JobEvent,
} from '@/lib/jobs/lifecycle';
import type { Job, JobStatus } from '@/lib/jobs/types';
import { doneJob, queuedJob } from './fixtures/jobs';

const INFO = { originalWidth: 800, originalHeight: 600, width: 800, height: 600, mime: 'image/jpeg', bytes: 1000 };
const pause = () => new Promise((r) => setTimeout(r, 3));
/** The stored job; Dexie drops a field set to undefined, so absent ones read as undefined here. */
const stored = async (id: string) => ({
  ahead: undefined,
  retry: undefined,
  error: undefined,
  kind: undefined,
  usage: undefined,
  ...(await getJob(id))!,
});
const row = async (imageId: string) => (await db.history.get(imageId))!;

beforeEach(async () => {
  await db.jobs.clear();
  await db.images.clear();
  await db.history.clear();
});

describe('the rules', () => {
  const table: [JobStatus, JobEvent, JobStatus | undefined][] = [
    ['queued', 'start', 'running'],
    ['queued', 'finish', undefined],
    ['queued', 'fail', 'failed'],
    ['queued', 'retry', 'queued'],
    ['running', 'start', undefined],
    ['running', 'finish', 'done'],
    ['running', 'fail', 'failed'],
    ['running', 'retry', 'queued'],
    ['done', 'start', undefined],
    ['done', 'finish', undefined],
    ['done', 'fail', undefined],
    ['done', 'retry', 'queued'],
    ['failed', 'start', undefined],
    ['failed', 'finish', undefined],
    ['failed', 'fail', undefined],
    ['failed', 'retry', 'queued'],
  ];
  it.each(table)('%s + %s → %s', (from, event, to) => expect(nextStatus(from, event)).toBe(to));
});

describe('a job through its lifecycle, in the database and in its history row', () => {
  it('queued: stored, listed newest first, and in history at once', async () => {
    const first = await queuedJob();
    await pause();
    const second = await queuedJob();
    expect((await getJob(first.id))!.status).toBe('queued');
    expect((await recentJobs(10)).map((j) => j.id)).toEqual([second.id, first.id]);
    expect(await row(first.imageId)).toMatchObject({ status: 'queued', latestJobId: first.id });
  });

  it('queued → running: no longer waiting for a slot', async () => {
    const job = await queuedJob();
    await updateJob(job.id, { ahead: 2 });
    expect(await startJob(job.id)).toBe(true);
    expect(await stored(job.id)).toMatchObject({ status: 'running', ahead: undefined });
    expect((await row(job.imageId)).status).toBe('running');
  });

  it('running → done: the final text, its kind and usage; the retry countdown gone', async () => {
    const job = await queuedJob();
    await startJob(job.id);
    await updateJob(job.id, { text: 'A red', retry: { attempt: 1, until: 1, status: 429 } });
    expect(
      await finishJob(job.id, { text: 'A red fox', kind: 'text', usage: { promptTokens: 9, completionTokens: 3 } }),
    ).toBe(true);
    expect(await stored(job.id)).toMatchObject({
      status: 'done',
      text: 'A red fox',
      kind: 'text',
      usage: { promptTokens: 9, completionTokens: 3 },
      retry: undefined,
    });
    expect(await row(job.imageId)).toMatchObject({ status: 'done', text: 'A red fox' });
  });

  it('running → failed: the error stored, the partial text kept', async () => {
    const job = await queuedJob();
    await startJob(job.id);
    await updateJob(job.id, { text: 'A red fox in' });
    expect(await failJob(job.id, { code: 'timeout' })).toBe(true);
    expect(await stored(job.id)).toMatchObject({ status: 'failed', error: { code: 'timeout' }, text: 'A red fox in' });
    expect(await row(job.imageId)).toMatchObject({ status: 'failed', error: { code: 'timeout' } });
  });

  it('queued → failed (cancelled while waiting): no longer shown waiting', async () => {
    const job = await queuedJob();
    await updateJob(job.id, { ahead: 1 });
    await failJob(job.id, { code: 'cancelled' });
    expect(await stored(job.id)).toMatchObject({ status: 'failed', error: { code: 'cancelled' }, ahead: undefined });
  });

  it('failed or done → queued on Retry: text, error and usage cleared, with the provider as set now', async () => {
    const failed = await queuedJob();
    await updateJob(failed.id, { text: 'half' });
    await failJob(failed.id, { code: 'server', status: 502 });
    expect(await requeueJob(failed.id, { provider: 'groq', model: 'llama' })).toBe(true);
    expect(await stored(failed.id)).toMatchObject({
      status: 'queued',
      text: '',
      error: undefined,
      provider: 'groq',
      model: 'llama',
    });
    expect(await row(failed.imageId)).toMatchObject({ status: 'queued', provider: 'groq' });

    const done = await doneJob('kept until retried');
    await requeueJob(done.id, { provider: 'openai', model: 'm' });
    expect(await stored(done.id)).toMatchObject({ status: 'queued', text: '', kind: undefined, usage: undefined });
  });

  it('an event that does not apply changes nothing: a finished job is not failed, nor finished twice', async () => {
    const done = await doneJob('final words');
    expect(await failJob(done.id, { code: 'interrupted' })).toBe(false);
    expect(await finishJob(done.id, { text: 'other words' })).toBe(false);
    expect(await startJob(done.id)).toBe(false);
    expect(await stored(done.id)).toMatchObject({ status: 'done', text: 'final words', error: undefined });
    const queued = await queuedJob();
    expect(await finishJob(queued.id, { text: 'too early' })).toBe(false);
    expect(await stored(queued.id)).toMatchObject({ status: 'queued', text: '' });
    expect(await startJob('no-such-job')).toBe(false);
  });
});

describe('a new job on the image another job stored', () => {
  it('keeps the picture, page and prompt settings, and takes what the caller changes', async () => {
    const template = { id: 't1', name: 'Mine', text: 'Describe {{image}}' };
    const source = {
      ...(await queuedJob({
        style: 'midjourney',
        template,
        detail: 'detailed',
        source: { pageUrl: 'https://a.test/' },
      })),
      image: { width: 1024, height: 768, bytes: 1000, mime: 'image/jpeg' },
    } as Job;
    const column = newJobOnImageOf(source, { provider: 'gemini', model: 'g' });
    expect(column).toMatchObject({
      imageId: source.imageId,
      source: source.source,
      image: source.image,
      style: 'midjourney',
      template,
      detail: 'detailed',
      provider: 'gemini',
      model: 'g',
      status: 'queued',
    });
    expect(column.id).not.toBe(source.id);
    // Regenerate in a plain style: the template is dropped, not inherited.
    const plain = newJobOnImageOf(source, { style: 'natural', template: undefined, provider: 'openai', model: 'm' });
    expect(plain.template).toBeUndefined();
    expect(plain.style).toBe('natural');
  });
});

describe('recovery after a worker restart', () => {
  it(
    'puts waiting jobs with a stored image back in line ' + 'in click order, and fails the rest as interrupted',
    async () => {
      const streaming = await queuedJob();
      await startJob(streaming.id);
      await updateJob(streaming.id, { text: 'half a pro', image: INFO });
      await pause();
      const earlier = await queuedJob();
      await pause();
      const later = await queuedJob();
      const gettingImage = await queuedJob(); // the worker died while it was still downloading
      const lostImage = await queuedJob(); // waiting, but its image fell out of the cache
      for (const job of [later, earlier]) {
        await saveImage({ id: job.imageId, blob: new Blob(['x']), info: INFO, createdAt: Date.now() });
        await updateJob(job.id, { image: INFO, ahead: 1 });
      }
      await updateJob(lostImage.id, { image: INFO, ahead: 2 });
      const done = await doneJob('finished before');
      await pause();
      const startedAt = Date.now();

      const resume = await recoverJobs(() => false, startedAt);
      expect(resume.map((job) => job.id)).toEqual([earlier.id, later.id]);
      expect(await stored(streaming.id)).toMatchObject({
        status: 'failed',
        error: { code: 'interrupted' },
        text: 'half a pro',
      });
      expect(await stored(gettingImage.id)).toMatchObject({ status: 'failed', error: { code: 'interrupted' } });
      expect(await stored(lostImage.id)).toMatchObject({
        status: 'failed',
        error: { code: 'interrupted' },
        ahead: undefined,
      });
      expect((await getJob(earlier.id))!.status).toBe('queued');
      expect((await getJob(done.id))!.status).toBe('done');
      expect((await row(streaming.imageId)).status).toBe('failed');
    },
  );

  it('leaves alone the jobs this worker runs and those it made since it started', async () => {
    const alive = await queuedJob();
    await startJob(alive.id);
    const orphan = await queuedJob();
    await startJob(orphan.id);
    await pause();
    const fresh = await queuedJob(); // created after the worker started: its own, not an orphan
    expect(await recoverJobs((id) => id === alive.id, fresh.createdAt)).toEqual([]);
    expect((await getJob(fresh.id))!.status).toBe('queued');
    expect((await getJob(alive.id))!.status).toBe('running');
    expect((await getJob(orphan.id))!.status).toBe('failed');
  });
});

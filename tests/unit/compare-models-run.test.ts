import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compareModels, retryComparisonColumn } from '@/entrypoints/background/compare-models';
import { retryJob } from '@/entrypoints/background/job-reruns';
import { isRunning } from '@/entrypoints/background/job-runner';
import { latestComparison } from '@/lib/compare-models/comparison';
import { db } from '@/lib/history/db';
import { getJob, jobsForImage, saveImage } from '@/lib/jobs/job-store';
import { grantConsent } from '@/lib/privacy/consent';
import { apiKeysItem, DEFAULT_SETTINGS, settingsItem } from '@/lib/settings';
import { doneJob } from './fixtures/jobs';

const INFO = { originalWidth: 1600, originalHeight: 1200, width: 1024, height: 768, mime: 'image/jpeg', bytes: 3 };
const MODELS = [
  { id: 'a', provider: 'openai' as const, baseUrl: 'https://openai.test/v1', model: 'gpt-a' },
  { id: 'b', provider: 'groq' as const, baseUrl: 'https://groq.test/v1', model: 'llama-b' },
];

const chunk = (content: string) => {
  const choices = [{ index: 0, delta: { content }, finish_reason: null }];
  return `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices })}\n\n`;
};

/** Each model answers in its own words; `failing` models answer 503 until cleared. */
function provider(failing = new Set<string>()) {
  const requests: { url: string; model: string; auth: string | null }[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    requests.push({ url: String(input), model: body.model, auth: new Headers(init?.headers).get('authorization') });
    if (failing.has(body.model))
      return new Response(JSON.stringify({ error: { message: 'bad key', type: 'x', param: null, code: null } }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
    const text = `A fox, as ${body.model} sees it.`;
    return new Response(`${chunk(text)}data: [DONE]\n\n`, { headers: { 'content-type': 'text/event-stream' } });
  });
  return requests;
}

async function entryWithImage() {
  const source = await doneJob('A fox', { style: 'midjourney', provider: 'openai', model: 'gpt-a' });
  await saveImage({ id: source.imageId, blob: new Blob(['jpg'], { type: 'image/jpeg' }), info: INFO, createdAt: 1 });
  return source;
}

const settled = async (imageId: string) =>
  vi.waitFor(
    async () => {
      const columns = latestComparison(await jobsForImage(imageId));
      expect(columns.length).toBeGreaterThan(0);
      for (const c of columns) expect(['done', 'failed']).toContain(c.status);
      // The runner lets go of a job just after its last write: only then may it be retried.
      for (const c of columns) expect(isRunning(c.id)).toBe(false);
      return columns;
    },
    { timeout: 5000 },
  );

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all([db.jobs.clear(), db.images.clear(), db.history.clear()]);
  await settingsItem.setValue({
    ...DEFAULT_SETTINGS,
    connections: { ...DEFAULT_SETTINGS.connections, openai: { baseUrl: MODELS[0]!.baseUrl, model: 'gpt-a' } },
    visionModels: MODELS,
  });
  await apiKeysItem.setValue({ openai: 'sk-o', groq: 'gsk-g' });
  // Only the default was ever agreed to: picking the other one by name in Compare models is the OK.
  await grantConsent({ provider: 'openai', baseUrl: MODELS[0]!.baseUrl });
});
afterEach(() => vi.unstubAllGlobals());

describe('Compare models in the worker', () => {
  it(
    'runs the stored image through each picked model, each with its own key, as jobs of the same image with ' +
      'timings',
    async () => {
      const requests = provider();
      const source = await entryWithImage();
      const answer = await compareModels({ jobId: source.id, modelIds: ['b', 'a'] });
      expect(answer).toMatchObject({ ok: true });
      const columns = await settled(source.imageId);
      expect(columns.map((c) => [c.provider, c.model, c.status, c.style])).toEqual([
        ['openai', 'gpt-a', 'done', 'midjourney'],
        ['groq', 'llama-b', 'done', 'midjourney'],
      ]);
      expect(columns[1]!.text).toContain('as llama-b sees it');
      expect(columns.map((c) => c.comparison)).toEqual([
        { id: answer.ok && answer.id, column: 0, baseUrl: MODELS[0]!.baseUrl },
        { id: answer.ok && answer.id, column: 1, baseUrl: MODELS[1]!.baseUrl },
      ]);
      for (const { timing } of columns) {
        expect(timing!.firstTokenAt).toBeGreaterThanOrEqual(timing!.sentAt);
        expect(timing!.doneAt).toBeGreaterThanOrEqual(timing!.firstTokenAt!);
      }
      expect(requests.map((r) => [r.url, r.auth]).sort()).toEqual([
        ['https://groq.test/v1/chat/completions', 'Bearer gsk-g'],
        ['https://openai.test/v1/chat/completions', 'Bearer sk-o'],
      ]);
      // Kept with the image like any other prompt: one history row, three prompts.
      expect(await db.history.get(source.imageId)).toMatchObject({ promptCount: 3 });
    },
  );

  it('refuses when the stored image was let go, or the pick is not 2–4 saved models; nothing is sent', async () => {
    const requests = provider();
    const source = await entryWithImage();
    expect(await compareModels({ jobId: source.id, modelIds: ['a'] })).toEqual({ ok: false, reason: 'pick' });
    expect(await compareModels({ jobId: source.id, modelIds: ['a', 'removed'] })).toEqual({
      ok: false,
      reason: 'pick',
    });
    await db.images.clear();
    expect(await compareModels({ jobId: source.id, modelIds: ['a', 'b'] })).toEqual({
      ok: false,
      reason: 'image-gone',
    });
    expect(requests).toHaveLength(0);
    expect(await jobsForImage(source.imageId)).toHaveLength(1);
  });

  it('one column failing leaves the others; its Retry runs its own model again, not the default', async () => {
    const failing = new Set(['llama-b']);
    const requests = provider(failing);
    const source = await entryWithImage();
    await compareModels({ jobId: source.id, modelIds: ['a', 'b'] });
    const [ok, failed] = await settled(source.imageId);
    expect(ok).toMatchObject({ status: 'done' });
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'unauthorized' } });
    failing.clear();
    await retryComparisonColumn(failed!.id);
    expect(await getJob(failed!.id)).toMatchObject({ status: 'done', provider: 'groq', model: 'llama-b' });
    expect(requests.at(-1)).toMatchObject({ url: 'https://groq.test/v1/chat/completions', model: 'llama-b' });
  });

  it('the popup’s Retry, and a resume after a worker restart, also keep a column’s model', async () => {
    const requests = provider(new Set(['llama-b']));
    const source = await entryWithImage();
    await compareModels({ jobId: source.id, modelIds: ['a', 'b'] });
    const [, failed] = await settled(source.imageId);
    provider();
    await retryJob(failed!.id);
    expect(await getJob(failed!.id)).toMatchObject({ status: 'done', provider: 'groq', model: 'llama-b' });
    expect(requests).toHaveLength(2);
  });
});

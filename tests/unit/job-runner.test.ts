import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelJob, isRunning, runJob } from '@/entrypoints/background/job-runner';
import type { ProviderConfig } from '@/entrypoints/background/provider-config';
import { db } from '@/lib/history/db';
import { getImage, getJob } from '@/lib/jobs/job-store';
import { newJob, queueJob } from '@/lib/jobs/lifecycle';
import { grantConsent } from '@/lib/privacy/consent';
import { PRESETS } from '@/lib/providers/presets';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const INFO = { originalWidth: 1600, originalHeight: 1200, width: 1024, height: 768, mime: 'image/jpeg', bytes: 3 };
const CONFIG: ProviderConfig = {
  settings: DEFAULT_SETTINGS,
  preset: PRESETS.openai,
  baseUrl: 'https://api.test/v1',
  model: 'gpt-test',
  apiKey: 'sk-1',
};

const CHUNK = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm' };
const sseChunk = (content: string) =>
  `data: ${JSON.stringify({ ...CHUNK, choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
const usage = { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 };
const usageChunk = `data: ${JSON.stringify({ ...CHUNK, choices: [], usage })}\n\n`;

/** A provider answering with these SSE parts; `hold` keeps the stream open after them until the request is aborted. */
function fakeProvider(parts: string[], { hold = false, status = 200 } = {}) {
  const requests: { url: string; body: { messages: { content: unknown }[] } }[] = [];
  requestsSoFar = () => requests.length;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(input), body: JSON.parse(String(init?.body)) });
    if (status !== 200) {
      return new Response(JSON.stringify({ error: { message: 'bad key', type: 'x', param: null, code: null } }), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }
    const body = new ReadableStream({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
        if (!hold) return controller.close();
        init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  });
  return requests;
}

async function start(config = CONFIG) {
  const job = newJob({
    style: 'natural',
    detail: 'standard',
    language: 'en',
    provider: 'openai',
    model: config.model,
    source: { imageUrl: 'https://site.test/fox.jpg' },
  });
  const image = async () => ({ blob: new Blob(['jpg'], { type: 'image/jpeg' }), info: INFO });
  let sentAt: number | undefined;
  const onSending = () => {
    sentAt = requestsSoFar();
  };
  return {
    job,
    finished: runJob({ job, config, stored: queueJob(job), image, onSending }),
    requestsAtSending: () => sentAt,
  };
}

/** How many requests the fake provider had when asked (set by fakeProvider). */
let requestsSoFar = () => 0;

beforeEach(async () => {
  fakeBrowser.reset();
  await db.jobs.clear();
  await db.images.clear();
  await db.history.clear();
  await grantConsent({ provider: 'openai', baseUrl: CONFIG.baseUrl });
});
afterEach(() => vi.unstubAllGlobals());

describe('the job runner', () => {
  it('sends the image, streams the answer into the job, and ends done with the cleaned prompt and usage', async () => {
    const requests = fakeProvider([sseChunk('A red fox '), sseChunk('in snow.'), usageChunk, 'data: [DONE]\n\n']);
    const { job, finished } = await start();
    expect(isRunning(job.id)).toBe(true);
    const done = await finished;

    expect(done).toMatchObject({
      status: 'done',
      kind: 'text',
      usage: { promptTokens: 9, completionTokens: 4 },
      image: INFO,
    });
    expect(done!.text).toContain('A red fox in snow');
    expect(isRunning(job.id)).toBe(false);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('https://api.test/v1/chat/completions');
    expect(JSON.stringify(requests[0]!.body.messages)).toContain(`data:image/jpeg;base64,${btoa('jpg')}`);
    // Kept for Retry, and the history row follows.
    expect(await getImage(job.imageId)).toMatchObject({ info: INFO });
    expect(await db.history.get(job.imageId)).toMatchObject({ status: 'done' });
  });

  it('says the request is out only once the provider has it (the popup waits for that)', async () => {
    fakeProvider([sseChunk('A red fox ')], { hold: true });
    const { job, finished, requestsAtSending } = await start();
    await vi.waitFor(() => expect(requestsAtSending()).toBeDefined());
    expect(requestsAtSending()).toBe(1);
    cancelJob(job.id);
    expect(await finished).toMatchObject({ status: 'failed' });
  });

  it('a refused key fails the job with the reason the user can act on', async () => {
    fakeProvider([], { status: 401 });
    const { finished } = await start();
    expect(await finished).toMatchObject({ status: 'failed', error: { code: 'unauthorized', status: 401 } });
  });

  it('cancel mid-stream: failed as cancelled, the text so far kept', async () => {
    fakeProvider([sseChunk('A heron at')], { hold: true });
    const { job, finished } = await start();
    await vi.waitFor(async () => expect((await getJob(job.id))?.text).toBe('A heron at'), { timeout: 3000 });
    cancelJob(job.id);
    expect(await finished).toMatchObject({ status: 'failed', error: { code: 'cancelled' }, text: 'A heron at' });
    expect(isRunning(job.id)).toBe(false);
  });

  it('without the user’s OK to send, nothing goes out and the job waits for it, its image stored', async () => {
    fakeBrowser.reset();
    const requests = fakeProvider([sseChunk('never')]);
    const { job, finished } = await start();
    expect(await finished).toMatchObject({ status: 'failed', error: { code: 'consent-required' } });
    expect(requests).toHaveLength(0);
    expect(await getImage(job.imageId)).toBeDefined();
  });

  it('an unconfigured provider fails before any request', async () => {
    const requests = fakeProvider([sseChunk('never')]);
    const { finished } = await start({ ...CONFIG, model: '' });
    expect(await finished).toMatchObject({ status: 'failed', error: { code: 'no-model' } });
    expect(requests).toHaveLength(0);
  });
});

/** Recreate as the background runs it, against the fake image APIs: what ends up in the history database. */
import { beforeEach, describe, expect, it } from 'vitest';
import { recreationFileName } from '@/lib/generation/file-name';
import { startRecreation } from '@/lib/generation/recreate';
import { db } from '@/lib/history/db';
import { failStaleGenerations, generationsFor, latestRecreationThumbnail } from '@/lib/history/generations';
import { clearHistory, deleteEntries, restoreEntries } from '@/lib/history/queries';
import { DEFAULT_SETTINGS, imageConfig, type Settings } from '@/lib/settings';
import type { ImageProviderId } from '@/lib/generation/presets';
import { fakeBase, withFakeImageProviders } from '../support/image-generation-run';
import { doneJob } from './fixtures/jobs';

const fakes = withFakeImageProviders();
beforeEach(() => clearHistory());

function settingsFor(provider: ImageProviderId | null, patch: Partial<Settings> = {}): Settings {
  const connections = { ...DEFAULT_SETTINGS.imageConnections };
  if (provider) connections[provider] = { baseUrl: fakeBase(fakes(), provider), model: connections[provider].model };
  return {
    ...DEFAULT_SETTINGS,
    imageProvider: provider,
    imageConnections: connections,
    imageTimeoutSeconds: 10,
    ...patch,
  };
}

async function recreate(text: string, settings: Settings, visionKeys = { openai: fakes().keys.openai }) {
  const job = await doneJob(text);
  const run = await startRecreation(
    { entryId: job.imageId, jobId: job.id, text, original: { width: 1600, height: 900 } },
    {
      config: imageConfig(settings, visionKeys, { fal: fakes().keys.fal }),
      imageSize: settings.imageSize,
      timeoutSeconds: settings.imageTimeoutSeconds,
      thumbnail: async () => new Blob(['thumb'], { type: 'image/webp' }),
      falPoll: { intervalMs: 5, stuckAfterPolls: 5 },
    },
  );
  await run.done;
  return { job, generation: (await generationsFor(job.imageId))[0]! };
}

describe('Recreate → the history database', () => {
  it(
    'stores the file as returned, with provider, model, size, cost and a thumbnail; only the prompt text was sent, ' +
      'with the vision key of the same account',
    async () => {
      const { job, generation } = await recreate('a red fox in snow --ar 16:9 --v 6', settingsFor('openai'));
      expect(generation).toMatchObject({
        entryId: job.imageId,
        jobId: job.id,
        status: 'done',
        provider: 'openai',
        model: 'gpt-image-1-mini',
        size: '1536x1024',
        mime: 'image/png',
        prompt: 'a red fox in snow',
        notes: ['params-removed'],
      });
      expect(generation.cost?.tokens).toBeGreaterThan(0);
      const served = [...fakes().files.values()].at(-1)!;
      expect(new Uint8Array(await generation.blob!.arrayBuffer())).toEqual(new Uint8Array(served));
      expect(await latestRecreationThumbnail(job.imageId)).toBeInstanceOf(Blob);
      const sent = fakes().requests.find((r) => r.route === 'openai')!;
      expect(sent.violations).toEqual([]);
      expect(JSON.stringify(sent.body)).not.toContain('data:image');
      expect(recreationFileName(generation)).toMatch(/^promptlens-recreation-gpt-image-1-mini-\d{8}-\d{6}\.png$/);
    },
  );

  it('fal, with its own key, walks its queue to the image', async () => {
    const fal = await recreate('a lighthouse at dusk', settingsFor('fal'));
    expect(fal.generation).toMatchObject({
      status: 'done',
      provider: 'fal',
      model: 'fal-ai/flux/schnell',
      size: 'landscape_16_9',
    });
    expect(fakes().requests.filter((r) => r.route === 'fal-status').length).toBeGreaterThan(1);
  });

  it('several per entry, newest first; failures are kept with their reason', async () => {
    const none = await recreate('a red fox', settingsFor(null));
    expect(none.generation).toMatchObject({ status: 'failed', error: { code: 'no-image-provider' } });
    fakes().faults = { status: 401 };
    const denied = await recreate('a red fox', settingsFor('openai'));
    expect(denied.generation).toMatchObject({ status: 'failed', error: { code: 'unauthorized', status: 401 } });
    fakes().faults = { noApi: true };
    const local = await recreate('a red fox', settingsFor('a1111'));
    expect(local.generation).toMatchObject({ status: 'failed', error: { code: 'local-no-api' } });
  });

  it('a generation left running by a stopped worker fails as cancelled on the next start', async () => {
    await db.generations.add({
      id: 'g1',
      entryId: 'e1',
      jobId: 'j1',
      createdAt: 1,
      updatedAt: 1,
      status: 'running',
      provider: 'fal',
      model: 'm',
      size: '',
      prompt: 'p',
      notes: [],
    });
    await failStaleGenerations(2);
    expect(await db.generations.get('g1')).toMatchObject({ status: 'failed', error: { code: 'cancelled' } });
  });

  it('deleting the entry deletes its recreations; Undo brings them back', async () => {
    const { job } = await recreate('a red fox', settingsFor('openai'));
    const snapshot = await deleteEntries([job.imageId]);
    expect(await generationsFor(job.imageId)).toEqual([]);
    await restoreEntries(snapshot);
    expect(await generationsFor(job.imageId)).toHaveLength(1);
    await clearHistory();
    expect(await db.generations.count()).toBe(0);
  });
});

import type { DBCore, Middleware } from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { countEntries } from '@/lib/history/queries';
import { db, PromptLensDb } from '@/lib/history/db';
import { startJob } from '@/lib/jobs/lifecycle';
import { queuedJob } from './fixtures/jobs';
import { consentCovers, grantConsent, hasConsent } from '@/lib/privacy/consent';
import { deleteAllData } from '@/lib/privacy/delete-all-data';
import { quotaGuard } from '@/lib/privacy/quota-guard';
import { mergeReport, storageFullItem, type RefusedWrite } from '@/lib/privacy/storage-full';
import { classifyError } from '@/lib/providers/classify-error';
import {
  apiKeysItem,
  DEFAULT_SETTINGS,
  imageApiKeysItem,
  loadSettings,
  privacyConsentItem,
  settingsItem,
} from '@/lib/settings';

beforeEach(() => fakeBrowser.reset());

describe('consent to send', () => {
  const openai = { provider: 'openai' as const, baseUrl: 'https://api.openai.com/v1' };

  it('covers only the provider and address agreed to', () => {
    const consent = { ...openai, acceptedAt: 1 };
    expect(consentCovers(null, openai)).toBe(false);
    expect(consentCovers(consent, openai)).toBe(true);
    expect(consentCovers(consent, { ...openai, baseUrl: ' https://api.openai.com/v1 ' })).toBe(true);
    expect(consentCovers(consent, { provider: 'groq', baseUrl: openai.baseUrl })).toBe(false);
    expect(
      consentCovers(
        { provider: 'custom', baseUrl: 'http://10.0.0.5:8080/v1', acceptedAt: 1 },
        { provider: 'custom', baseUrl: 'https://other.example/v1' },
      ),
    ).toBe(false);
  });

  it('is stored once granted, and a new destination needs its own', async () => {
    expect(await hasConsent(openai)).toBe(false);
    await grantConsent(openai, 42);
    expect(await privacyConsentItem.getValue()).toEqual({ ...openai, acceptedAt: 42 });
    expect(await hasConsent(openai)).toBe(true);
    expect(await hasConsent({ provider: 'ollama', baseUrl: 'http://localhost:11434/v1' })).toBe(false);
  });
});

describe('storage full', () => {
  const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

  it('a refused write is a storage-full job error, even wrapped in an aborted transaction', () => {
    expect(classifyError(quota())).toEqual({ code: 'storage-full' });
    expect(classifyError(Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota() }))).toEqual({
      code: 'storage-full',
    });
  });

  it(
    "keeps the job's best text: the final prompt beats streamed parts, and a stale later write does not erase " + 'it',
    () => {
      const steps: RefusedWrite[] = [
        { jobId: 'a', text: 'A fox' },
        { jobId: 'a', text: 'A fox in the snow, dusk' },
        { jobId: 'a', text: 'A fox in the snow', final: true },
        { jobId: 'a', text: '' },
        {},
      ];
      const report = steps.reduce(
        (previous, write, i) => mergeReport(previous, write, i),
        null as ReturnType<typeof mergeReport> | null,
      );
      expect(report).toMatchObject({ jobId: 'a', text: 'A fox in the snow', final: true, at: 4 });
      expect(mergeReport(report, { jobId: 'b', text: 'Another' }, 5)).toMatchObject({ jobId: 'b', text: 'Another' });
    },
  );

  it('the guard hands over the prompt a refused job write carried, and the caller still sees the error', async () => {
    const full: Middleware<DBCore> = {
      stack: 'dbcore',
      level: -1,
      create: (down) => ({
        ...down,
        table: (name) => ({ ...down.table(name), mutate: () => Promise.reject(quota()) }),
      }),
    };
    const db = new PromptLensDb(`quota-${Math.random()}`);
    const refused: RefusedWrite[] = [];
    db.use(full).use(quotaGuard((write) => refused.push(write)));
    const job = {
      id: 'j1',
      imageId: 'i1',
      createdAt: 1,
      updatedAt: 1,
      status: 'done',
      text: 'A heron at dawn',
      style: 'natural',
      detail: 'standard',
      language: 'en',
      provider: 'openai',
      model: 'm',
      source: {},
    } as const;
    await expect(db.jobs.put(job)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(refused).toEqual([{ jobId: 'j1', text: 'A heron at dawn', final: true }]);
    await db.delete();
  });
});

describe('delete all data', () => {
  const seed = async () => {
    const job = await queuedJob();
    await startJob(job.id);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, provider: 'groq', retention: '7d' });
    await apiKeysItem.setValue({ groq: 'gsk-secret', openai: 'sk-secret' });
    await grantConsent({ provider: 'groq', baseUrl: 'https://api.groq.com/openai/v1' });
    await storageFullItem.setValue({ at: 1, text: 'x' });
    await imageApiKeysItem.setValue({ fal: 'fal-secret' });
    await db.generations.add({
      id: 'g1',
      entryId: job.imageId,
      jobId: job.id,
      createdAt: 1,
      updatedAt: 1,
      status: 'done',
      provider: 'fal',
      model: 'm',
      size: '',
      prompt: 'p',
      notes: [],
      blob: new Blob(['png']),
    });
    return job;
  };

  it('wipes history, consent and settings, cancels what is running, and keeps the keys unless asked', async () => {
    const job = await seed();
    const cancelled: string[] = [];
    await deleteAllData({ forgetKeys: false, cancel: async (id) => void cancelled.push(id) });
    expect(cancelled).toEqual([job.id]);
    expect(await countEntries()).toBe(0);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await privacyConsentItem.getValue()).toBeNull();
    expect(await storageFullItem.getValue()).toBeNull();
    expect(await apiKeysItem.getValue()).toEqual({ groq: 'gsk-secret', openai: 'sk-secret' });
    expect(await imageApiKeysItem.getValue()).toEqual({ fal: 'fal-secret' });
    // Recreations go with the history they belong to.
    expect(await db.generations.count()).toBe(0);
  });

  it('"Also forget API keys" removes them too', async () => {
    await seed();
    await deleteAllData({ forgetKeys: true, cancel: async () => undefined });
    expect(await apiKeysItem.getValue()).toEqual({});
    expect(await fakeBrowser.storage.local.get('apiKeys')).toEqual({});
    expect(await imageApiKeysItem.getValue()).toEqual({});
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/history/db';
import { queueJob } from '@/lib/jobs/lifecycle';
import { clearHistory, listEntries, setFavorite } from '@/lib/history/queries';
import { toJson } from '@/lib/history/export-build';
import { readImport, sizeProblem } from '@/lib/history/import-read';
import { importHistory, readExport, writeImport } from '@/lib/history/transfer';
import { historyValidatorCode } from '@/modules/history-validator/history-validator-plugin';
import type { Job } from '@/lib/jobs/types';
import { job } from './fixtures/history-jobs';

const WEBP_BYTES = new Uint8Array([82, 73, 70, 70, 1, 2, 3, 4, 87, 69, 66, 80]);
const WEBP = new Blob([WEBP_BYTES], { type: 'image/webp' });

/** Three images: one with two prompts and a thumbnail, a favourite, a failed one. */
async function seed(): Promise<void> {
  await queueJob(job('a1', 'img-a', 1000));
  await queueJob(
    job('a2', 'img-a', 2000, {
      style: 'midjourney',
      usage: { promptTokens: 900, completionTokens: 40 },
      image: {
        originalWidth: 1600,
        originalHeight: 1200,
        width: 1024,
        height: 768,
        mime: 'image/jpeg',
        bytes: 120_000,
      },
    }),
  );
  await db.thumbnails.put({ id: 'img-a', blob: WEBP });
  await queueJob(job('b1', 'img-b', 3000, { template: { id: 't', name: 'Mine', text: 'Describe {language}' } }));
  await setFavorite('img-b', true);
  await queueJob(
    job('c1', 'img-c', 4000, {
      status: 'failed',
      text: '',
      kind: undefined,
      error: { code: 'timeout', detail: 'no answer' },
    }),
  );
}

/** Everything an export holds, without the moment it was made. */
const snapshot = async () => ({ ...(await readExport(new Date(0))), rows: await listEntries() });

const exportText = async () => toJson(await readExport());
const edit = (text: string, change: (data: any) => void) => {
  const data = JSON.parse(text);
  change(data);
  return JSON.stringify(data);
};

beforeEach(() => clearHistory());

describe('export → clear → import', () => {
  it('gives back the same entries, prompts, favourites and thumbnails', async () => {
    await seed();
    const before = await snapshot();
    const text = await exportText();
    await clearHistory();
    expect(await importHistory(text)).toEqual({ ok: true, value: { added: 3, existing: 0 } });
    expect(await snapshot()).toEqual(before);
    expect(before.entries[0]!.thumbnail).toBeUndefined();
    expect(before.entries[2]!.thumbnail).toMatch(/^data:image\/webp;base64,/);
  });

  it('importing the same file twice adds nothing', async () => {
    await seed();
    const before = await snapshot();
    expect(await importHistory(await exportText())).toEqual({ ok: true, value: { added: 0, existing: 3 } });
    expect(await snapshot()).toEqual(before);
  });

  it('a prompt still being written when exported comes back failed, not spinning forever', async () => {
    await queueJob(job('r', 'img-r', 1, { status: 'running', text: 'half a pro' }));
    const text = await exportText();
    await clearHistory();
    await importHistory(text);
    expect(await db.jobs.get('r')).toMatchObject({
      status: 'failed',
      error: { code: 'interrupted' },
      text: 'half a pro',
    });
  });

  it('fields the format does not know are dropped, not stored', async () => {
    await seed();
    const text = edit(await exportText(), (data) => {
      data.entries[0].extra = 1;
      data.entries[0].prompts[0].secret = 'x';
    });
    await clearHistory();
    expect((await importHistory(text)).ok).toBe(true);
    expect(await db.jobs.get('c1')).not.toHaveProperty('secret');
  });
});

describe('merging into an existing history', () => {
  it('a prompt on both sides keeps the newer copy; a favourite on either side stays', async () => {
    await seed();
    const text = edit(await exportText(), (data) => {
      const a = data.entries.find((e: any) => e.id === 'img-a');
      a.favorite = true;
      a.prompts[0].text = 'edited later';
      a.prompts[0].updatedAt = 9999;
      a.prompts[1].text = 'older copy';
      a.prompts[1].updatedAt = 1;
      data.entries.find((e: any) => e.id === 'img-b').favorite = false;
      data.entries.push({
        id: 'img-new',
        createdAt: 5,
        updatedAt: 5,
        favorite: false,
        source: {},
        prompts: [{ ...a.prompts[0], id: 'n1', createdAt: 5 }],
      });
    });
    expect(await importHistory(text)).toEqual({ ok: true, value: { added: 1, existing: 3 } });
    expect((await db.jobs.get('a1'))!.text).toBe('edited later');
    expect((await db.jobs.get('a2'))!.text).toBe('prompt a2');
    const rows = Object.fromEntries((await listEntries()).map((row) => [row.id, row]));
    expect(rows['img-a']).toMatchObject({ favorite: 1, promptCount: 2 });
    expect(rows['img-b']!.favorite).toBe(1);
    expect(rows['img-new']).toMatchObject({ favorite: 0, promptCount: 1, text: 'edited later' });
  });

  it('prompts of one image exported from two browsers end up together in one row', async () => {
    await queueJob(job('here', 'img', 1));
    const text = edit(await exportText(), (data) => {
      data.entries[0].prompts = [
        {
          ...data.entries[0].prompts[0],
          id: 'there',
          createdAt: 2,
          updatedAt: 2,
          style: 'flux',
          text: 'from the laptop',
        },
      ];
    });
    await importHistory(text);
    expect(await listEntries()).toMatchObject([
      { id: 'img', promptCount: 2, styles: ['natural', 'flux'], text: 'from the laptop' },
    ]);
  });

  it('a large file (read by one scan rather than per image) merges the same way', async () => {
    await seed();
    const text = edit(await exportText(), (data) => {
      const [first] = data.entries;
      for (let i = 0; i < 300; i++)
        data.entries.push({
          ...first,
          id: `bulk-${i}`,
          prompts: first.prompts.map((p: any) => ({ ...p, id: `${p.id}-${i}` })),
        });
      first.prompts[0].text = 'newer here';
      first.prompts[0].updatedAt = 10_000;
    });
    expect(await importHistory(text)).toEqual({ ok: true, value: { added: 300, existing: 3 } });
    expect(await db.history.count()).toBe(303);
    expect((await db.jobs.get('c1'))!.text).toBe('newer here');
    expect(await db.jobs.where('imageId').equals('bulk-7').count()).toBe(1);
    expect(await importHistory(text)).toEqual({ ok: true, value: { added: 0, existing: 303 } });
  });

  it('a newer copy of a prompt filed under another image moves there; the row it leaves goes', async () => {
    await queueJob(job('p', 'img-old', 1));
    await queueJob(job('q', 'img-keep', 2));
    const text = edit(await exportText(), (data) => {
      const old = data.entries.find((e: any) => e.id === 'img-old');
      old.id = 'img-new';
      old.prompts[0].updatedAt = 50;
    });
    expect(await importHistory(text)).toEqual({ ok: true, value: { added: 1, existing: 1 } });
    expect((await listEntries()).map((row) => row.id).sort()).toEqual(['img-keep', 'img-new']);
    expect(await db.jobs.get('p')).toMatchObject({ imageId: 'img-new', updatedAt: 50 });
  });
});

describe('a bad file is refused, saying what is wrong', () => {
  const refusal = async (text: string) => {
    const result = readImport(text);
    return result.ok ? undefined : result.problem;
  };

  it('not JSON, not ours, a newer version', async () => {
    expect(await refusal('name,prompt\nfox,red')).toMatchObject({
      code: 'not-json',
      detail: expect.stringContaining('JSON'),
    });
    expect(await refusal('[1,2]')).toEqual({ code: 'not-export' });
    expect(await refusal('{"entries":[]}')).toEqual({ code: 'not-export' });
    expect(await refusal('{"format":"promptlens-history","version":2,"entries":[]}')).toEqual({
      code: 'newer-version',
      version: 2,
      supported: 1,
    });
    expect(await refusal('{"format":"promptlens-history","version":0,"exportedAt":"","entries":[]}')).toMatchObject({
      code: 'invalid',
      path: 'version',
      rule: 'const',
      value: '1',
    });
    expect(sizeProblem(500e6)).toMatchObject({ code: 'too-large', size: 500e6 });
    expect(sizeProblem(100e6)).toBeUndefined();
  });

  it('names the entry and field: wrong type, missing, unknown value, empty, bad thumbnail, duplicate ids', async () => {
    await seed();
    const good = await exportText();
    const wrong = (change: (data: any) => void) => refusal(edit(good, change));
    expect(await wrong((d) => (d.entries[1].prompts[0].text = 42))).toEqual({
      code: 'invalid',
      entry: 2,
      path: 'prompts[0].text',
      rule: 'type',
      type: 'string',
    });
    expect(await wrong((d) => delete d.entries[2].prompts[1].style)).toEqual({
      code: 'invalid',
      entry: 3,
      path: 'prompts[1].style',
      rule: 'required',
    });
    expect(await wrong((d) => (d.entries[0].prompts[0].provider = 'skynet'))).toEqual({
      code: 'invalid',
      entry: 1,
      path: 'prompts[0].provider',
      rule: 'enum',
      value: '"skynet"',
    });
    expect(await wrong((d) => (d.entries[0].prompts = []))).toEqual({
      code: 'invalid',
      entry: 1,
      path: 'prompts',
      rule: 'empty',
    });
    expect(await wrong((d) => (d.entries[0].favorite = 'yes'))).toMatchObject({
      entry: 1,
      path: 'favorite',
      type: 'boolean',
    });
    expect(await wrong((d) => (d.entries[0].createdAt = -5))).toMatchObject({
      entry: 1,
      path: 'createdAt',
      rule: 'minimum',
      limit: 0,
    });
    expect(await wrong((d) => (d.entries[2].thumbnail = 'https://evil.example/x.png'))).toMatchObject({
      entry: 3,
      path: 'thumbnail',
      rule: 'data-url',
    });
    expect(await wrong((d) => (d.entries[2].thumbnail = 'data:image/webp;base64,AAAAA'))).toMatchObject({
      entry: 3,
      path: 'thumbnail',
      rule: 'data-url',
    });
    expect(await wrong((d) => (d.entries[1].id = d.entries[0].id))).toEqual({
      code: 'invalid',
      entry: 2,
      path: 'id',
      rule: 'duplicate',
      other: 1,
    });
    expect(await wrong((d) => (d.entries[2].prompts[1].id = d.entries[0].prompts[0].id))).toMatchObject({
      entry: 3,
      path: 'prompts[1].id',
      rule: 'duplicate',
      other: 1,
    });
    expect(await wrong((d) => (d.entries = {}))).toMatchObject({ path: 'entries', type: 'array' });
  });

  it('entry 37 of 40: found, and nothing at all written', async () => {
    await seed();
    const before = await snapshot();
    const many: Job[] = Array.from({ length: 40 }, (_, i) => job(`j${i}`, `many-${i}`, 10_000 + i));
    const entries = many.map((j) => ({
      id: j.imageId,
      createdAt: j.createdAt,
      updatedAt: j.createdAt,
      favorite: false,
      source: j.source,
      prompts: [
        { ...j, imageId: undefined, source: undefined },
        { ...j, id: `${j.id}b` },
        { ...j, id: `${j.id}c` },
      ],
    }));
    (entries[36]!.prompts[2] as any).text = null;
    const result = await importHistory(
      JSON.stringify({ format: 'promptlens-history', version: 1, exportedAt: '', entries }),
    );
    expect(result).toEqual({
      ok: false,
      problem: { code: 'invalid', entry: 37, path: 'prompts[2].text', rule: 'type', type: 'string' },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a write that fails half-way is rolled back whole', async () => {
    await seed();
    const before = await snapshot();
    const good = job('ok', 'img-ok', 1);
    const broken = { ...job('x', 'img-ok', 2), id: undefined } as unknown as Job;
    const result = await writeImport([
      {
        id: 'img-ok',
        updatedAt: 2,
        favorite: true,
        thumbnail: `data:image/webp;base64,${btoa(String.fromCharCode(...WEBP_BYTES))}`,
        jobs: [good, broken],
      },
    ]);
    expect(result).toMatchObject({ ok: false, problem: { code: 'write-failed' } });
    expect(await snapshot()).toEqual(before);
  });
});

it('the validator shipped to extension pages is plain code: no eval, no new Function (the CSP forbids both)', () => {
  const code = historyValidatorCode();
  expect(code).toContain('export default');
  expect(code).not.toMatch(/\bnew Function\b|\beval\s*\(|\brequire\(/);
});

describe('recreations ("Include images")', () => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
  const recreate = (id: string, entryId: string, jobId: string, createdAt: number) =>
    db.generations.put({
      id,
      entryId,
      jobId,
      createdAt,
      updatedAt: createdAt,
      status: 'done',
      provider: 'openai',
      model: 'gpt-image-1',
      size: '1536x1024',
      prompt: 'a red fox',
      notes: [],
      blob: new Blob([PNG], { type: 'image/png' }),
      mime: 'image/png',
      width: 1536,
      height: 1024,
      seed: 7,
      cost: { tokens: 4160 },
      thumbnail: WEBP,
    });

  it('are left out by default, and travel with their files when asked for', async () => {
    await seed();
    await recreate('g1', 'img-a', 'a2', 5000);
    await db.generations.put({
      ...(await db.generations.get('g1'))!,
      id: 'g-failed',
      status: 'failed',
      blob: undefined,
    });
    expect((await readExport()).entries.some((entry) => entry.generations)).toBe(false);

    const text = toJson(await readExport(new Date(), { includeImages: true }));
    const entry = JSON.parse(text).entries.find((e: any) => e.id === 'img-a');
    expect(entry.generations).toHaveLength(1);
    expect(entry.generations[0]).toMatchObject({ id: 'g1', jobId: 'a2', model: 'gpt-image-1', seed: 7 });
    expect(entry.generations[0].image).toMatch(/^data:image\/png;base64,/);

    await clearHistory();
    expect(await db.generations.count()).toBe(0);
    expect(await importHistory(text)).toEqual({ ok: true, value: { added: 3, existing: 0 } });
    const back = (await db.generations.get('g1'))!;
    expect(back).toMatchObject({ entryId: 'img-a', jobId: 'a2', status: 'done', width: 1536, cost: { tokens: 4160 } });
    expect(new Uint8Array(await back.blob!.arrayBuffer())).toEqual(PNG);
    expect(back.blob!.type).toBe('image/png');
    expect(back.thumbnail).toBeInstanceOf(Blob);

    // Again: the same recreation is not written twice.
    expect(await importHistory(text)).toEqual({ ok: true, value: { added: 0, existing: 3 } });
    expect(await db.generations.count()).toBe(1);
  });

  it('a recreation whose file is not an image data: URL is refused, naming it', async () => {
    await seed();
    await recreate('g1', 'img-a', 'a2', 5000);
    const text = edit(toJson(await readExport(new Date(), { includeImages: true })), (data) => {
      data.entries.find((e: any) => e.id === 'img-a').generations[0].image = 'https://example.com/x.png';
    });
    const result = readImport(text);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problem).toMatchObject({ code: 'invalid', path: 'generations[0].image', rule: 'data-url' });
  });
});

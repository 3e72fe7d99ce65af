import { describe, expect, it } from 'vitest';
import { anyActive, latestComparison, recreatable, secondsOf, timingFigures } from '@/lib/compare-models/comparison';
import { initialPick, pickedModels, togglePick } from '@/lib/compare-models/model-pick';
import {
  addVisionModel,
  defaultTarget,
  isDefaultModel,
  MAX_SAVED_MODELS,
  normalizeVisionModels,
  removeVisionModel,
  type VisionModel,
  withDefault,
} from '@/lib/compare-models/vision-models';
import { newJob } from '@/lib/jobs/lifecycle';
import type { Job } from '@/lib/jobs/types';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const model = (id: string, name = id, provider: VisionModel['provider'] = 'openai'): VisionModel => ({
  id,
  provider,
  baseUrl: 'https://api.openai.com/v1',
  model: name,
});

describe('saved vision models', () => {
  it('the default is whatever the vision settings say; "Make default" writes a saved model into them', () => {
    const settings = DEFAULT_SETTINGS;
    const groq: VisionModel = { id: 'g', provider: 'groq', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama' };
    expect(isDefaultModel(settings, { ...defaultTarget(settings) })).toBe(true);
    expect(isDefaultModel(settings, groq)).toBe(false);
    const next = withDefault(settings, groq);
    expect(next.provider).toBe('groq');
    expect(next.connections.groq).toEqual({ baseUrl: groq.baseUrl, model: 'llama' });
    // Other providers keep what the user typed for them.
    expect(next.connections.openai).toEqual(settings.connections.openai);
    expect(isDefaultModel(next, groq)).toBe(true);
  });

  it(
    'saving adds each model once (spaces around the name ' + 'do not make another), up to the limit; remove drops one',
    () => {
      let list = addVisionModel([], { provider: 'openai', baseUrl: ' https://a/v1 ', model: 'gpt-x ' }, '1');
      expect(list).toEqual([{ id: '1', provider: 'openai', baseUrl: 'https://a/v1', model: 'gpt-x' }]);
      expect(addVisionModel(list, { provider: 'openai', baseUrl: 'https://a/v1', model: 'gpt-x' }, '2')).toBe(list);
      list = addVisionModel(list, { provider: 'openai', baseUrl: 'https://a/v1', model: 'gpt-y' }, '2');
      expect(list.map((m) => m.id)).toEqual(['1', '2']);
      expect(removeVisionModel(list, '1').map((m) => m.id)).toEqual(['2']);
      const full = Array.from({ length: MAX_SAVED_MODELS }, (_, i) => model(`m${i}`));
      expect(addVisionModel(full, { provider: 'openai', baseUrl: 'x', model: 'one more' }, 'new')).toHaveLength(
        MAX_SAVED_MODELS,
      );
    },
  );

  it('stored lists are repaired: unknown providers, missing fields, repeated ids and repeated models dropped', () => {
    expect(
      normalizeVisionModels([
        model('a', 'gpt-x'),
        { id: 'b', provider: 'midjourney', baseUrl: 'x', model: 'y' },
        { id: 'c', provider: 'openai', model: 'no address' },
        model('a', 'gpt-z'),
        model('d', 'gpt-x'),
        'junk',
        model('e', 'gpt-y'),
      ]).map((m) => m.id),
    ).toEqual(['a', 'e']);
    expect(normalizeVisionModels('all')).toEqual([]);
  });
});

describe('picking models to compare', () => {
  const list = [model('a'), model('b'), model('c'), model('d'), model('e')];

  it('starts with the default and the next saved one', () => {
    expect(initialPick(list, 'c')).toEqual(['c', 'a']);
    expect(initialPick(list, undefined)).toEqual(['a', 'b']);
    expect(initialPick([model('a')], 'a')).toEqual(['a']);
  });

  it('ticks up to four; a fifth is refused; unticking frees a place', () => {
    let picked = ['a', 'b', 'c', 'd'];
    expect(togglePick(picked, 'e')).toBe(picked);
    picked = togglePick(picked, 'b');
    expect(togglePick(picked, 'e')).toEqual(['a', 'c', 'd', 'e']);
  });

  it('runs only 2–4 saved models, in the list’s order; removed ones do not count', () => {
    expect(pickedModels(list, ['c', 'a'])?.map((m) => m.id)).toEqual(['a', 'c']);
    expect(pickedModels(list, ['a'])).toBeUndefined();
    expect(pickedModels(list, ['a', 'gone'])).toBeUndefined();
    expect(pickedModels(list, ['a', 'b', 'c', 'd', 'e'])).toBeUndefined();
  });
});

describe('a comparison as the page shows it', () => {
  const job = (patch: Partial<Job>): Job => ({
    ...newJob({ style: 'natural', detail: 'standard', language: 'en', provider: 'openai', model: 'm', source: {} }),
    ...patch,
  });

  it('the newest run’s columns, in column order; plain prompts of the image are not columns', () => {
    const old = [0, 1].map((column) => job({ createdAt: 1, comparison: { id: 'old', column, baseUrl: 'x' } }));
    const latest = [1, 0].map((column) => job({ createdAt: 5, comparison: { id: 'new', column, baseUrl: 'x' } }));
    const plain = job({ createdAt: 9 });
    const columns = latestComparison([...old, plain, ...latest]);
    expect(columns.map((c) => [c.comparison!.id, c.comparison!.column])).toEqual([
      ['new', 0],
      ['new', 1],
    ]);
    expect(latestComparison([plain])).toEqual([]);
  });

  it('time to first token and total; the total runs while streaming and is absent after a failure', () => {
    expect(timingFigures({ sentAt: 1000, firstTokenAt: 1420, doneAt: 3100 })).toEqual({
      firstTokenMs: 420,
      totalMs: 2100,
    });
    expect(timingFigures({ sentAt: 1000 }, 1800)).toEqual({ totalMs: 800 });
    expect(timingFigures({ sentAt: 1000, firstTokenAt: 1300 })).toEqual({ firstTokenMs: 300 });
    expect(timingFigures(undefined, 5000)).toEqual({});
    expect([secondsOf(420), secondsOf(3140), secondsOf(12_600)]).toEqual([0.42, 3.1, 13]);
  });

  it('Cancel while a column works; Recreate all takes the finished prompts, not refusals or failures', () => {
    const done = job({ status: 'done', text: 'A fox' });
    const refused = job({ status: 'done', kind: 'refusal', text: 'I can’t' });
    const failed = job({ status: 'failed', text: 'A fo' });
    expect(anyActive([done, failed])).toBe(false);
    expect(anyActive([done, job({ status: 'running' })])).toBe(true);
    expect(recreatable([done, refused, failed])).toEqual([done]);
  });
});

import { describe, expect, it } from 'vitest';
import { JobFailure } from '@/lib/errors';
import { nearestAspectRatio } from '@/lib/prompt/aspect-ratio';
import { finalizePrompt } from '@/lib/prompt/finalize';
import { parseJsonPrompt, JSON_FIELDS } from '@/lib/prompt/json-prompt';
import { DEFAULT_MIDJOURNEY, withMidjourneyParams } from '@/lib/prompt/midjourney';
import { RECORDED_OUTPUTS } from './fixtures/model-outputs';

const context = { original: { width: 1600, height: 900 }, midjourney: DEFAULT_MIDJOURNEY };

describe('aspect ratio from the original pixels', () => {
  it.each([
    [1600, 900, '16:9'],
    [1920, 1080, '16:9'],
    [1365, 768, '16:9'],
    [4000, 3000, '4:3'],
    [6000, 4000, '3:2'],
    [1024, 1024, '1:1'],
    [1080, 1350, '4:5'],
    [900, 1600, '9:16'],
    [2560, 1080, '21:9'],
    [1000, 1005, '1:1'],
  ])('%i×%i → %s', (w, h, ratio) => expect(nearestAspectRatio(w, h)).toBe(ratio));
});

describe('Midjourney parameters, added by our code', () => {
  it('appends --ar and the chosen options, never the model’s own', () => {
    expect(
      withMidjourneyParams('a cat --ar 1:1 --stylize 50', '3:2', { version: '7', styleRaw: true, stylize: 250 }),
    ).toBe('a cat --ar 3:2 --v 7 --style raw --stylize 250');
    expect(withMidjourneyParams('a cat, ', '16:9', { version: 'niji 6', styleRaw: false, stylize: null })).toBe(
      'a cat --ar 16:9 --niji 6',
    );
    expect(withMidjourneyParams('a cat', '1:1', DEFAULT_MIDJOURNEY)).toBe('a cat --ar 1:1');
  });
});

describe('clean-up over recorded model outputs', () => {
  it.each(RECORDED_OUTPUTS.map((o) => [o.name, o] as const))('%s', (_, output) => {
    const final = finalizePrompt(output.raw, { ...context, style: output.style });
    if (typeof output.expected === 'string') expect(final.text).toBe(output.expected);
    else expect(final.text).toMatch(output.expected);
    expect(final.kind).toBe(output.kind ?? 'text');
  });

  it('JSON results are valid JSON with every field a string', () => {
    for (const output of RECORDED_OUTPUTS.filter((o) => o.kind === 'json')) {
      const parsed = JSON.parse(finalizePrompt(output.raw, { ...context, style: 'json' }).text);
      expect(Object.keys(parsed)).toEqual([...JSON_FIELDS]);
      expect(Object.values(parsed).every((v) => typeof v === 'string')).toBe(true);
    }
  });

  it('an answer that is not JSON at all fails clearly instead of showing as a prompt', () => {
    expect(() => finalizePrompt('A red fox in the snow.', { ...context, style: 'json' })).toThrow(JobFailure);
    expect(parseJsonPrompt('{"subject": "fox"}')).toEqual({ ok: false, reason: 'only 1 of the 10 fields are filled' });
    expect(parseJsonPrompt('{"subject": "fox", oops}').ok).toBe(false);
  });

  it('a provider-flagged refusal wins over any text', () => {
    expect(finalizePrompt('', { ...context, style: 'natural', refusal: 'I can’t help with that.' })).toEqual({
      kind: 'refusal',
      text: 'I can’t help with that.',
    });
  });

  it('a prompt that merely contains "sorry" is not a refusal', () => {
    expect(
      finalizePrompt('A sorry-looking wet dog on a porch, overcast light.', { ...context, style: 'natural' }).kind,
    ).toBe('text');
  });

  it('an empty answer is an error', () => {
    expect(() => finalizePrompt('  ``` ```  ', { ...context, style: 'natural' })).toThrow(JobFailure);
  });
});

import { describe, expect, it } from 'vitest';
import { buildMessages, instructionFor } from '@/lib/prompt/build-messages';
import { DETAIL_LEVELS } from '@/lib/prompt/detail';
import { STYLE_IDS } from '@/lib/prompt/styles';
import { renderTemplate } from '@/lib/prompt/templates';

const image = { url: 'data:image/jpeg;base64,AAAA', width: 1600, height: 900, detailHint: true };

describe('the messages we send', () => {
  // Snapshots: any change to what we ask the model for shows up in review.
  for (const style of STYLE_IDS) {
    for (const detail of DETAIL_LEVELS) {
      it(`${style} × ${detail} × English`, () => {
        expect(buildMessages({ style, detail, language: 'English' }, image)).toMatchSnapshot();
      });
    }
  }

  it.each(['Japanese', 'Arabic', 'Brazilian Portuguese'])(
    '%s: the language is named, JSON keys stay English',
    (language) => {
      expect(instructionFor({ style: 'flux', detail: 'standard', language }, image)).toContain(
        `Write the prompt in ${language}.`,
      );
      expect(instructionFor({ style: 'json', detail: 'standard', language }, image)).toContain(
        `JSON keys in English and the values in ${language}`,
      );
      expect(instructionFor({ style: 'flux', detail: 'standard', language }, image)).toMatchSnapshot();
    },
  );

  it('word budgets grow with detail; short Stable Diffusion stays within CLIP’s window', () => {
    const words = (style: (typeof STYLE_IDS)[number], detail: (typeof DETAIL_LEVELS)[number]) =>
      Number(/(?:About|At most) (\d+)/.exec(instructionFor({ style, detail, language: 'English' }, image))![1]);
    for (const style of STYLE_IDS.filter((s) => s !== 'json')) {
      expect(words(style, 'short')).toBeLessThan(words(style, 'standard'));
      expect(words(style, 'standard')).toBeLessThan(words(style, 'detailed'));
    }
    expect(words('stable-diffusion', 'short')).toBeLessThanOrEqual(20);
  });

  it('a custom template gets its variables filled, and our output rules after it', () => {
    const template = {
      id: 't1',
      name: 'Anime',
      text: 'Tag this {aspect_ratio} image ({width}×{height}) in {language}, {detail}. Keep {unknown}.',
    };
    const text = instructionFor({ style: 'natural', template, detail: 'short', language: 'Korean' }, image);
    expect(text).toMatch(
      /^Tag this 16:9 image \(1600×900\) in Korean, short and concise\. Keep \{unknown\}\. Reply with the prompt only/,
    );
    expect(
      renderTemplate('{language}{language}', { language: 'x', detail: '', aspect_ratio: '', width: '', height: '' }),
    ).toBe('xx');
  });
});

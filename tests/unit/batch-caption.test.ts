import { describe, expect, it } from 'vitest';
import { proseCaption, tagsCaption, toCaption, withTrigger } from '@/lib/batch/caption';
import { STYLE_IDS, styleOf } from '@/lib/prompt/styles';

describe('tagsCaption', () => {
  it('drops the negative line and the weights of an SD prompt as the SD style finalizes it', () => {
    const text =
      'red fox, (golden hour:1.2), ((snow)), [bokeh], (sharp focus: 1.35)\nNegative prompt: blurry, (lowres:1.4)';
    expect(tagsCaption(text)).toBe('red fox, golden hour, snow, bokeh, sharp focus');
  });

  it('keeps parentheses that are part of a tag and drops empty tags and parameters', () => {
    expect(tagsCaption('cat (sleeping), , 35mm film,\nwarm light --ar 16:9 --v 7')).toBe(
      'cat sleeping, 35mm film, warm light',
    );
    expect(tagsCaption('a, b\n**Negative prompt:** c')).toBe('a, b');
  });
});

describe('proseCaption and the trigger word', () => {
  it('prose goes on one line', () => {
    expect(proseCaption('  A fox in snow.\n\nGolden light.  ')).toBe('A fox in snow. Golden light.');
  });

  it('the trigger goes first, with a comma unless it brings its own punctuation', () => {
    expect(withTrigger('red fox', 'ohwx')).toBe('ohwx, red fox');
    expect(withTrigger('red fox', 'photo of ohwx:')).toBe('photo of ohwx: red fox');
    expect(withTrigger('red fox', '  ')).toBe('red fox');
    expect(toCaption('(red fox:1.3), snow\nNegative prompt: blur', 'tags', 'sks')).toBe('sks, red fox, snow');
    expect(toCaption('A red fox.\nIn snow.', 'prose', 'sks')).toBe('sks, A red fox. In snow.');
  });
});

describe('the caption style each prompt style suggests for a dataset export', () => {
  it('tags for the style that writes tags (Stable Diffusion), prose for every other', () => {
    const tags = STYLE_IDS.filter((id) => styleOf(id).caption === 'tags');
    expect(tags).toEqual(['stable-diffusion']);
  });
});

import { describe, expect, it } from 'vitest';
import { freeSize, sizeFor } from '@/lib/generation/image-size';
import { IMAGE_PRESETS, imageModelCaps, IMAGE_PROVIDER_IDS } from '@/lib/generation/presets';
import { cutAtWord, prepareForGenerator } from '@/lib/generation/prompt-for-generator';

const caps = (provider: keyof typeof IMAGE_PRESETS, model = IMAGE_PRESETS[provider].defaultModel) =>
  imageModelCaps(IMAGE_PRESETS[provider], model);

const SD = '(red fox:1.2), fresh snow, golden hour, rim light, bokeh\nNegative prompt: blurry, lowres, watermark';
const MJ = 'red fox in fresh snow, golden hour, soft rim light --ar 16:9 --v 7 --style raw --stylize 250';

describe('presets', () => {
  it('every provider has a default base URL (but Custom), a name and a prompt limit', () => {
    for (const id of IMAGE_PROVIDER_IDS) {
      const preset = IMAGE_PRESETS[id];
      expect(preset.id).toBe(id);
      expect(preset.baseUrl === '').toBe(id === 'custom');
      expect(preset.maxPromptChars).toBeGreaterThan(0);
    }
    expect(IMAGE_PRESETS.openai.defaultModel).toBe('gpt-image-1-mini');
    expect(IMAGE_PRESETS.a1111).toMatchObject({
      baseUrl: 'http://127.0.0.1:7860',
      needsKey: false,
      local: true,
      negativePrompt: true,
    });
  });

  it('per-model limits follow OpenAI’s spec: DALL·E 3 has its own sizes and 4,000 characters', () => {
    expect(caps('openai', 'dall-e-3')).toMatchObject({
      maxPromptChars: 4000,
      sizing: { kind: 'sizes', sizes: ['1024x1024', '1792x1024', '1024x1792'] },
    });
    expect(caps('openai', 'gpt-image-1')).toMatchObject({
      maxPromptChars: 32000,
      sizing: { sizes: ['1024x1024', '1536x1024', '1024x1536'] },
    });
    expect(caps('fal', 'fal-ai/fast-sdxl').negativePrompt).toBe(true);
    expect(caps('fal').negativePrompt).toBe(false);
  });
});

describe('the Stable Diffusion negative line', () => {
  it('goes to negative_prompt where the generator has one', () => {
    const out = prepareForGenerator(SD, caps('a1111'), { original: { width: 1024, height: 1024 } });
    expect(out.prompt).toBe('(red fox:1.2), fresh snow, golden hour, rim light, bokeh');
    expect(out.negativePrompt).toBe('blurry, lowres, watermark');
    expect(out.notes).toEqual([]);
  });

  it('is dropped from the text, with a note, where there is none', () => {
    const out = prepareForGenerator(SD, caps('openai'));
    expect(out.prompt).not.toMatch(/negative|blurry/i);
    expect(out.negativePrompt).toBeUndefined();
    expect(out.notes).toContain('negative-dropped');
  });
});

describe('Midjourney parameters', () => {
  it('are removed, and --ar becomes the size even when the original was square', () => {
    const out = prepareForGenerator(MJ, caps('openai'), { original: { width: 1000, height: 1000 } });
    expect(out.prompt).toBe('red fox in fresh snow, golden hour, soft rim light');
    expect(out.notes).toContain('params-removed');
    expect(out.size).toEqual({ kind: 'size', width: 1536, height: 1024 });
  });

  it('--ar becomes Gemini’s aspect ratio and A1111’s pixels', () => {
    expect(prepareForGenerator(MJ, caps('gemini')).size).toEqual({ kind: 'aspect', ratio: '16:9' });
    expect(prepareForGenerator(MJ, caps('a1111')).size).toEqual({ kind: 'size', width: 1336, height: 752 });
    expect(prepareForGenerator(MJ, caps('fal')).size).toEqual({ kind: 'fal', imageSize: 'landscape_16_9' });
    expect(prepareForGenerator(MJ, caps('xai')).size).toEqual({ kind: 'none' });
  });
});

describe('the original’s aspect ratio', () => {
  const portrait = { original: { width: 900, height: 1600 } };
  it('picks the nearest size each model supports', () => {
    expect(prepareForGenerator('a fox', caps('openai', 'gpt-image-1'), portrait).size).toEqual({
      kind: 'size',
      width: 1024,
      height: 1536,
    });
    expect(prepareForGenerator('a fox', caps('openai', 'dall-e-3'), portrait).size).toEqual({
      kind: 'size',
      width: 1024,
      height: 1792,
    });
    expect(prepareForGenerator('a fox', caps('gemini'), portrait).size).toEqual({ kind: 'aspect', ratio: '9:16' });
    expect(prepareForGenerator('a fox', caps('fal'), portrait).size).toEqual({
      kind: 'fal',
      imageSize: 'portrait_16_9',
    });
  });

  it('A1111 gets multiples of 8 near one megapixel in the original’s shape', () => {
    const out = prepareForGenerator('a fox', caps('a1111'), { original: { width: 3000, height: 2000 } });
    expect(out.size).toEqual({ kind: 'size', width: 1224, height: 816 });
    const { width, height } = out.size as { width: number; height: number };
    expect((width % 8) + (height % 8)).toBe(0);
    expect(width * height).toBeGreaterThan(900_000);
    expect(width * height).toBeLessThan(1_100_000);
  });

  it('fal gets exact dimensions when no preset has the shape', () => {
    expect(prepareForGenerator('a fox', caps('fal'), { original: { width: 2100, height: 900 } }).size).toEqual({
      kind: 'fal',
      imageSize: { width: 1520, height: 656 },
    });
  });

  it('the "Image size" setting wins over the prompt and the original', () => {
    expect(
      prepareForGenerator(MJ, caps('a1111'), { original: { width: 10, height: 20 }, size: '768x512' }).size,
    ).toEqual({ kind: 'size', width: 768, height: 512 });
    expect(prepareForGenerator(MJ, caps('gemini'), { size: '4:5' }).size).toEqual({ kind: 'aspect', ratio: '4:5' });
    expect(
      prepareForGenerator('a fox', caps('gemini'), { size: 'auto', original: { width: 1600, height: 900 } }).size,
    ).toEqual({ kind: 'aspect', ratio: '16:9' });
  });

  it('no original and no --ar: square', () => {
    expect(prepareForGenerator('a fox', caps('openai')).size).toEqual({ kind: 'size', width: 1024, height: 1024 });
  });
});

describe('JSON prompts', () => {
  const json = JSON.stringify(
    {
      subject: 'a red fox',
      medium: 'photograph',
      style: 'wildlife',
      composition: 'centered',
      lighting: 'golden hour',
      colors: 'orange, white',
      camera: '85mm',
      mood: 'calm',
      details: 'snowflakes',
      negative: 'blurry',
    },
    null,
    2,
  );

  it('are flattened to prose, the negative field going to negative_prompt where there is one', () => {
    const out = prepareForGenerator(json, caps('a1111'));
    expect(out.prompt).toBe(
      'a red fox. photograph. wildlife. centered. golden hour. orange, white. 85mm. calm. snowflakes.',
    );
    expect(out.negativePrompt).toBe('blurry');
    expect(out.notes).toEqual(['json-flattened']);
  });

  it('stay JSON for a model that takes JSON', () => {
    const out = prepareForGenerator(json, { ...caps('gemini'), takesJson: true });
    expect(JSON.parse(out.prompt)).toMatchObject({ subject: 'a red fox' });
    expect(out.notes).toEqual([]);
  });
});

describe('a prompt longer than the model takes', () => {
  it('is cut at a word boundary and flagged', () => {
    const long = Array.from({ length: 1200 }, (_, i) => `word${i}`).join(' ');
    const out = prepareForGenerator(long, caps('openai', 'dall-e-3'));
    expect(out.truncated).toBe(true);
    expect(out.notes).toContain('truncated');
    expect(out.prompt.length).toBeLessThanOrEqual(4000);
    expect(long.startsWith(out.prompt)).toBe(true);
    expect(long[out.prompt.length]).toBe(' ');
  });

  it('fits: untouched', () => {
    expect(cutAtWord('a fox in snow', 13)).toEqual({ text: 'a fox in snow', cut: false });
    expect(cutAtWord('a fox in snow', 10)).toEqual({ text: 'a fox in', cut: true });
  });
});

describe('sizes', () => {
  it('free sizes respect the longest edge', () => {
    expect(freeSize(4, 8, 1, 2048)).toEqual({ width: 2000, height: 504 });
    expect(sizeFor({ kind: 'free', multiple: 8, megapixels: 1, maxEdge: 1024 }, 8)).toEqual({
      kind: 'size',
      width: 1024,
      height: 128,
    });
  });
});

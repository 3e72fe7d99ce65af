import { describe, expect, it } from 'vitest';
import { choiceOfMenuItem, isBatchMenuItem, orderedStyles } from '@/entrypoints/background/context-menu';
import { STYLE_IDS } from '@/lib/prompt/styles';

describe('context menu', () => {
  it('puts the default style first, then every other style once', () => {
    const order = orderedStyles('midjourney');
    expect(order[0]).toBe('midjourney');
    expect([...order].sort()).toEqual([...STYLE_IDS].sort());
  });

  it('maps menu item ids back to styles and templates, and ignores anything else', () => {
    expect(choiceOfMenuItem('style:stable-diffusion')).toEqual({ style: 'stable-diffusion' });
    expect(choiceOfMenuItem('template:t-123')).toEqual({ templateId: 't-123' });
    expect(choiceOfMenuItem('style:cubism')).toBeUndefined();
    expect(choiceOfMenuItem('template:')).toBeUndefined();
    expect(choiceOfMenuItem('promptlens')).toBeUndefined();
    expect(choiceOfMenuItem(42)).toBeUndefined();
  });

  it('knows "All images on this page…" in both places, and it is not a style', () => {
    expect(isBatchMenuItem('batch:image')).toBe(true);
    expect(isBatchMenuItem('batch:page')).toBe(true);
    expect(isBatchMenuItem('style:natural')).toBe(false);
    expect(choiceOfMenuItem('batch:page')).toBeUndefined();
  });
});

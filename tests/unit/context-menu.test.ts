import { describe, expect, it } from 'vitest';
import { orderedStyles, styleOfMenuItem } from '@/entrypoints/background/context-menu';
import { STYLE_IDS } from '@/lib/prompt/styles';

describe('context menu', () => {
  it('puts the default style first, then every other style once', () => {
    const order = orderedStyles('midjourney');
    expect(order[0]).toBe('midjourney');
    expect([...order].sort()).toEqual([...STYLE_IDS].sort());
  });

  it('maps menu item ids back to styles and ignores anything else', () => {
    expect(styleOfMenuItem('style:stable-diffusion')).toBe('stable-diffusion');
    expect(styleOfMenuItem('style:cubism')).toBeUndefined();
    expect(styleOfMenuItem('promptlens')).toBeUndefined();
    expect(styleOfMenuItem(42)).toBeUndefined();
  });
});

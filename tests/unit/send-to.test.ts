import { describe, expect, it } from 'vitest';
import { chosenTargets } from '@/lib/send-to/chosen-targets';
import { checkTargetTemplate, customAsTarget, normalizeCustomTargets } from '@/lib/send-to/custom-targets';
import { BUILTIN_TARGETS, MAX_URL_LENGTH, planSend, type SendTarget } from '@/lib/send-to/targets';

const target = (id: string) => BUILTIN_TARGETS.find((t) => t.id === id)! as SendTarget;

describe('Send to…: where each tool opens', () => {
  it('puts the prompt, URL-encoded, into the address of tools that take one', () => {
    const prompt = 'a cat & a dog, 50% off #1\nNegative prompt: blur — 猫';
    expect(planSend(target('chatgpt'), prompt)).toEqual({
      url: `https://chatgpt.com/?q=${encodeURIComponent(prompt)}`,
      prefilled: true,
    });
    expect(planSend(target('perplexity'), 'red fox').url).toBe('https://www.perplexity.ai/?q=red%20fox');
    expect(planSend(target('aistudio'), 'red fox').url).toBe(
      'https://aistudio.google.com/prompts/new_chat?prompt=red%20fox',
    );
    // Decoding gives back exactly what was sent: nothing lost to &, #, newlines or non-Latin text.
    const url = new URL(planSend(target('chatgpt'), prompt).url);
    expect(url.searchParams.get('q')).toBe(prompt);
    expect(url.hash).toBe('');
  });

  it('opens the plain address of tools with no prompt parameter (the prompt is pasted)', () => {
    for (const id of ['gemini', 'midjourney', 'ideogram', 'leonardo', 'krea', 'bing']) {
      const plan = planSend(target(id), 'a red fox');
      expect(plan.prefilled).toBe(false);
      expect(plan.url).toBe(target(id).url);
      expect(plan.url).not.toContain('fox');
    }
  });

  it('falls back to copy-only when the address would pass ~8,000 characters', () => {
    const justFits = 'x'.repeat(MAX_URL_LENGTH - 'https://chatgpt.com/?q='.length);
    expect(planSend(target('chatgpt'), justFits)).toMatchObject({ prefilled: true });
    expect(planSend(target('chatgpt'), `${justFits}x`)).toEqual({ url: 'https://chatgpt.com/', prefilled: false });
    // Encoding counts: 3,000 CJK characters are 27,000 characters of address.
    expect(planSend(target('chatgpt'), '猫'.repeat(3000)).prefilled).toBe(false);
    const custom = customAsTarget({ id: 'c', name: 'Mine', template: 'https://example.com/gen?q={prompt}&n=1' });
    expect(planSend(custom, 'y'.repeat(9000))).toEqual({ url: 'https://example.com/gen?n=1', prefilled: false });
  });

  it('custom entries: {prompt} anywhere, every occurrence filled; none = copy-only', () => {
    const both = customAsTarget({ id: 'a', name: 'Both', template: 'https://example.com/{prompt}?again={prompt}' });
    expect(planSend(both, 'a b')).toEqual({ url: 'https://example.com/a%20b?again=a%20b', prefilled: true });
    const copyOnly = customAsTarget({ id: 'b', name: '', template: 'https://studio.example.org/new' });
    expect(copyOnly).toMatchObject({ id: 'custom:b', name: 'studio.example.org' });
    expect(planSend(copyOnly, 'a b')).toEqual({ url: 'https://studio.example.org/new', prefilled: false });
  });
});

describe('Send to…: custom entries', () => {
  it('accepts https anywhere and http only on this machine', () => {
    expect(checkTargetTemplate('https://example.com/?q={prompt}')).toBeUndefined();
    expect(checkTargetTemplate('https://example.com/new')).toBeUndefined();
    expect(checkTargetTemplate('http://localhost:3000/?q={prompt}')).toBeUndefined();
    expect(checkTargetTemplate('http://127.0.0.1/?q={prompt}')).toBeUndefined();
    expect(checkTargetTemplate('http://example.com/?q={prompt}')).toBe('invalid-url');
    expect(checkTargetTemplate('javascript:alert({prompt})')).toBe('invalid-url');
    expect(checkTargetTemplate('ftp://example.com/{prompt}')).toBe('invalid-url');
    expect(checkTargetTemplate('example.com/?q={prompt}')).toBe('invalid-url');
    expect(checkTargetTemplate('https://')).toBe('invalid-url');
  });

  it('keeps only well-formed stored entries', () => {
    const raw = [{ id: 'a', name: 'A', template: 'https://a.example/?q={prompt}', extra: 1 }, { id: 'b' }, null, 'x'];
    expect(normalizeCustomTargets(raw)).toEqual([{ id: 'a', name: 'A', template: 'https://a.example/?q={prompt}' }]);
    expect(normalizeCustomTargets('nope')).toEqual([]);
  });

  it('the menu lists ticked tools in table order, then custom entries with a usable address', () => {
    const listed = chosenTargets({
      targets: ['perplexity', 'chatgpt'],
      custom: [
        { id: '1', name: 'Mine', template: 'https://example.com/?q={prompt}' },
        { id: '2', name: 'Broken', template: 'http://example.com/?q={prompt}' },
      ],
    });
    expect(listed.map((t) => t.name)).toEqual(['ChatGPT', 'Perplexity', 'Mine']);
  });
});

import { describe, expect, it } from 'vitest';
import { cssImageUrls } from '@/lib/page/css-image';
import { isPlaceholder, largestSrcsetCandidate, lazySource, parseSrcset } from '@/lib/page/lazy-source';

describe('image URLs in CSS values', () => {
  it.each([
    ['none', []],
    ['url("https://a.test/x.jpg")', ['https://a.test/x.jpg']],
    ["url('a b.png')", ['a b.png']],
    ['url(plain.webp)', ['plain.webp']],
    ['linear-gradient(rgba(0, 0, 0, 0.5), transparent), url("hero.jpg")', ['hero.jpg']],
    ['url("top.png"), url("bottom.jpg")', ['top.png', 'bottom.jpg']],
    ['url("a\\"b.jpg")', ['a"b.jpg']],
  ])('%s', (value, expected) => expect(cssImageUrls(value)).toEqual(expected));

  it('image-set(): the candidate for the screen’s pixel ratio', () => {
    const value = 'image-set(url("s.jpg") 1x, url("l.jpg") 2x)';
    expect(cssImageUrls(value, 1)).toEqual(['s.jpg']);
    expect(cssImageUrls(value, 2)).toEqual(['l.jpg']);
    expect(cssImageUrls(value, 3)).toEqual(['l.jpg']);
    expect(cssImageUrls('-webkit-image-set(url(a.png) 1x, url(b.png) 2x)', 1.5)).toEqual(['b.png']);
    expect(cssImageUrls('image-set("q.avif" type("image/avif"), "q.jpg" 1x)', 1)).toEqual(['q.avif']);
  });
});

describe('lazy loading', () => {
  it('spots placeholders', () => {
    expect(isPlaceholder('', 0, 0)).toBe(true);
    expect(isPlaceholder('data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 1, 1)).toBe(
      true,
    );
    expect(isPlaceholder('https://cdn.test/spacer.gif', 1, 1)).toBe(true);
    expect(isPlaceholder('https://cdn.test/photo.jpg', 1200, 800)).toBe(false);
  });

  it('takes the real source from data-* attributes, the widest srcset candidate first', () => {
    const attrs = (a: Record<string, string>) => (name: string) => a[name] ?? null;
    expect(lazySource(attrs({ 'data-src': '/real.jpg' }))).toBe('/real.jpg');
    expect(lazySource(attrs({ 'data-original': '/orig.jpg' }))).toBe('/orig.jpg');
    expect(lazySource(attrs({ 'data-srcset': '/s.jpg 400w, /l.jpg 1600w', 'data-src': '/m.jpg' }))).toBe('/l.jpg');
    expect(lazySource(attrs({}))).toBeUndefined();
    expect(largestSrcsetCandidate('a.jpg 1x, b.jpg 2x')).toBe('b.jpg');
    expect(largestSrcsetCandidate('https://x.test/a,b.jpg 500w, https://x.test/c.jpg 900w')).toBe(
      'https://x.test/c.jpg',
    );
  });
});

describe('srcset entries', () => {
  it('URLs with their w or x descriptor; none means 1x; commas inside URLs kept', () => {
    expect(parseSrcset('a.jpg 400w, https://x.test/b,c.jpg 800w')).toEqual([
      { url: 'a.jpg', w: 400 },
      { url: 'https://x.test/b,c.jpg', w: 800 },
    ]);
    expect(parseSrcset('a.jpg, b.jpg 2x')).toEqual([
      { url: 'a.jpg', x: 1 },
      { url: 'b.jpg', x: 2 },
    ]);
    expect(parseSrcset('  ')).toEqual([]);
  });
});

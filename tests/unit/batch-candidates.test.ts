import { describe, expect, it } from 'vitest';
import { collectCandidates, fileNameOf } from '@/lib/batch/candidates';
import type { FoundImage } from '@/lib/batch/found-image';
import { sizeVariantStem } from '@/lib/batch/same-picture';

const img = (url: string, over: Partial<FoundImage> = {}): FoundImage => ({
  kind: 'url',
  url,
  displayed: { width: 400, height: 300 },
  natural: { width: 800, height: 600 },
  frameId: 0,
  ...over,
});
const urls = (found: FoundImage[], options = {}) => collectCandidates(found, options).candidates.map((c) => c.url);

describe('collectCandidates: duplicates', () => {
  it('merges the same URL (fragment aside) and keeps page order', () => {
    const list = collectCandidates([
      img('https://a.test/1.jpg'),
      img('https://a.test/2.jpg'),
      img('https://a.test/1.jpg#zoom'),
    ]);
    expect(list.candidates.map((c) => [c.url, c.count])).toEqual([
      ['https://a.test/1.jpg', 2],
      ['https://a.test/2.jpg', 1],
    ]);
    expect(list.total).toBe(2);
  });

  it('merges WordPress -WxH sizes, retina @2x and CDN size parameters with their original', () => {
    expect(
      urls([
        img('https://a.test/up/photo-300x200.jpg'),
        img('https://a.test/up/photo.jpg'),
        img('https://a.test/up/photo-1024x683.jpg'),
        img('https://cdn.test/p/9.jpg?w=300&q=80'),
        img('https://cdn.test/p/9.jpg?w=1200'),
        img('https://a.test/logo@2x.png'),
        img('https://a.test/logo.png'),
      ]),
    ).toEqual([
      'https://a.test/up/photo-300x200.jpg',
      'https://cdn.test/p/9.jpg?w=300&q=80',
      'https://a.test/logo@2x.png',
    ]);
  });

  it('keeps pictures apart that only look alike: other ids, other crops, other names', () => {
    expect(
      urls([
        img('https://cdn.test/img?id=1&w=300'),
        img('https://cdn.test/img?id=2&w=300'),
        img('https://cdn.test/p/9.jpg?crop=faces&w=300'),
        img('https://cdn.test/p/9.jpg?w=300'),
        img('https://a.test/photo-1.jpg'),
        img('https://a.test/photo-2.jpg'),
        img('https://a.test/2024-300x200-banner.jpg'),
        img('https://a.test/2024-banner.jpg'),
      ]),
    ).toHaveLength(8);
  });

  it('merges two images with the same srcset, but not images that share only a lazy-load placeholder', () => {
    const set = [
      { url: 'https://a.test/r/small', w: 400 },
      { url: 'https://a.test/r/large', w: 1600 },
    ];
    const spacer = { url: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', w: 1 };
    const list = collectCandidates([
      img('https://a.test/r/small', { srcset: set }),
      img('https://a.test/r/other-url-same-set', { srcset: [...set].reverse() }),
      img('https://a.test/x.jpg', { srcset: [spacer, { url: 'https://a.test/x.jpg', w: 800 }] }),
      img('https://a.test/y.jpg', { srcset: [spacer, { url: 'https://a.test/y.jpg', w: 800 }] }),
    ]);
    expect(list.candidates.map((c) => c.count)).toEqual([2, 1, 1]);
    expect(list.candidates[0]!.srcset.map((c) => c.url).sort()).toEqual([
      'https://a.test/r/large',
      'https://a.test/r/other-url-same-set',
      'https://a.test/r/small',
    ]);
  });

  it('merges page-only images only when they are the same element', () => {
    const canvas = (ref: string, frameId = 0): FoundImage => ({
      kind: 'canvas',
      displayed: { width: 300, height: 300 },
      frameId,
      elementRef: ref,
    });
    const list = collectCandidates([canvas('c1'), canvas('c1'), canvas('c2'), canvas('c1', 3)]);
    expect(list.candidates.map((c) => c.id)).toEqual(['frame-0:c1', 'frame-0:c2', 'frame-3:c1']);
  });

  it('takes the largest displayed and natural size of the merged images', () => {
    const [c] = collectCandidates([
      img('https://a.test/p.jpg', { displayed: { width: 150, height: 100 }, natural: { width: 300, height: 200 } }),
      img('https://a.test/p-1024x683.jpg', {
        displayed: { width: 900, height: 600 },
        natural: { width: 1024, height: 683 },
      }),
    ]).candidates;
    expect(c!.displayed).toEqual({ width: 900, height: 600 });
    expect(c!.natural).toEqual({ width: 1024, height: 683 });
    expect(c!.srcset).toEqual([
      { url: 'https://a.test/p.jpg', w: 300 },
      { url: 'https://a.test/p-1024x683.jpg', w: 1024 },
    ]);
  });
});

describe('collectCandidates: size filter and cap', () => {
  const pixel = img('https://t.test/pixel.gif', {
    displayed: { width: 1, height: 1 },
    natural: { width: 1, height: 1 },
  });
  const icon = img('https://a.test/icon.svg', {
    displayed: { width: 24, height: 24 },
    natural: { width: 24, height: 24 },
  });
  const banner = img('https://a.test/banner.png', {
    displayed: { width: 1200, height: 100 },
    natural: { width: 1200, height: 100 },
  });
  const thumb = img('https://a.test/thumb.jpg', {
    displayed: { width: 100, height: 100 },
    natural: { width: 600, height: 600 },
  });

  it(
    'leaves out tracking pixels, icons and strips shorter ' + 'than 128 px, keeps a small thumbnail of a large file',
    () => {
      const list = collectCandidates([pixel, icon, banner, thumb, img('https://a.test/photo.jpg')]);
      expect(list.candidates.map((c) => c.url)).toEqual(['https://a.test/thumb.jpg', 'https://a.test/photo.jpg']);
      expect(list.tooSmall).toBe(3);
    },
  );

  it('takes another minimum from the page', () => {
    expect(urls([icon, banner, thumb], { minShortSide: 20 })).toHaveLength(3);
    expect(urls([icon, banner, thumb, img('https://a.test/photo.jpg')], { minShortSide: 700 })).toEqual([]);
  });

  it('caps the list at 500 and says how many were found', () => {
    const found = Array.from({ length: 2000 }, (_, i) => img(`https://a.test/${i}.jpg`));
    const list = collectCandidates(found);
    expect(list.candidates).toHaveLength(500);
    expect(list.total).toBe(2000);
    expect(list.candidates[499]!.url).toBe('https://a.test/499.jpg');
  });
});

describe('collectCandidates: names', () => {
  it('alt text first, then the file name, then the fallback numbered in page order', () => {
    const list = collectCandidates(
      [
        img('https://a.test/a.jpg', { alt: '  A red\n fox ' }),
        img('https://a.test/dir/Caf%C3%A9%20terrace.webp?x=1'),
        img('https://a.test/', {}),
        { kind: 'video', displayed: { width: 640, height: 360 }, frameId: 1, elementRef: 'v' },
        img('https://a.test/b.jpg', { fileName: 'given.jpg', alt: '' }),
      ],
      { fallbackName: (n) => `Bild ${n}` },
    );
    expect(list.candidates.map((c) => c.name)).toEqual([
      'A red fox',
      'Café terrace.webp',
      'Bild 3',
      'Bild 4',
      'given.jpg',
    ]);
  });

  it('file names only from http(s) URLs', () => {
    expect(fileNameOf('blob:https://a.test/123')).toBeUndefined();
    expect(fileNameOf('data:image/png;base64,AAAA')).toBeUndefined();
    expect(fileNameOf('https://a.test/%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('sizeVariantStem', () => {
  it.each([
    ['https://a.test/p-300x200.jpg', 'https://a.test/p.jpg'],
    ['https://a.test/p@2x.png', 'https://a.test/p.png'],
    ['https://a.test/p.jpg?W=300&id=4', 'https://a.test/p.jpg?id=4'],
    ['https://a.test/p.jpg', undefined],
    ['https://a.test/p.jpg?id=4', undefined],
    ['data:image/png;base64,AA', undefined],
  ])('%s → %s', (url, stem) => expect(sizeVariantStem(url)).toBe(stem));
});

import { describe, expect, it } from 'vitest';
import type { BatchCandidate } from '@/lib/batch/found-image';
import { pickSource } from '@/lib/batch/pick-source';
import { DEFAULT_LIMITS } from '@/lib/image/fit-size';

type Candidate = Parameters<typeof pickSource>[0];
const base = (over: Partial<BatchCandidate> = {}): Candidate => ({
  kind: 'url',
  url: 'https://a.test/800.jpg',
  displayed: { width: 400, height: 300 },
  natural: { width: 800, height: 600 },
  srcset: [],
  sources: [],
  ...over,
});
const gallery = [400, 800, 1200, 2400, 6000].map((w) => ({ url: `https://a.test/${w}.jpg`, w }));

describe('pickSource', () => {
  it('takes the smallest rendition that still gives the provider all it uses (4:3 → 1024×768)', () => {
    expect(pickSource(base({ srcset: gallery }))).toEqual({
      url: 'https://a.test/1200.jpg',
      size: { width: 1200, height: 900 },
      displayed: false,
    });
  });

  it('needs a wider file for a panorama: fit 2048 first, the short side rule does not bind', () => {
    const pano = base({
      displayed: { width: 800, height: 200 },
      natural: { width: 800, height: 200 },
      srcset: gallery,
    });
    expect(pickSource(pano)?.url).toBe('https://a.test/2400.jpg');
  });

  it("honours a provider's long-edge cap", () => {
    const capped = pickSource(base({ srcset: gallery }), { limits: { ...DEFAULT_LIMITS, longEdge: 512 } });
    expect(capped?.url).toBe('https://a.test/800.jpg');
  });

  it('takes the largest when none is large enough, and upgrades a small displayed file', () => {
    const small = [300, 600].map((w) => ({ url: `https://a.test/${w}.jpg`, w }));
    expect(
      pickSource(base({ url: 'https://a.test/300.jpg', natural: { width: 300, height: 225 }, srcset: small })),
    ).toMatchObject({ url: 'https://a.test/600.jpg', displayed: false });
  });

  it('reads x descriptors against the layout width', () => {
    const dense = [1, 2, 3, 4].map((x) => ({ url: `https://a.test/${x}x.jpg`, x }));
    // Layout 400 px wide: 1x=400, 2x=800, 3x=1200 (first ≥ 1024), 4x=1600.
    expect(pickSource(base({ natural: undefined, srcset: dense }))?.url).toBe('https://a.test/3x.jpg');
  });

  it('falls back to the displayed URL when no rendition has a size', () => {
    const noSizes = base({ srcset: [{ url: 'https://a.test/a.jpg' }, { url: 'https://a.test/b.jpg' }] });
    expect(pickSource(noSizes)).toEqual({
      url: 'https://a.test/800.jpg',
      size: { width: 800, height: 600 },
      displayed: true,
    });
  });

  it('uses <picture> sources of decodable types whose media matched, never another crop', () => {
    const picture = base({
      srcset: [{ url: 'https://a.test/800.jpg', w: 800 }],
      sources: [
        { type: 'image/avif', candidates: [{ url: 'https://a.test/1100.avif', w: 1100 }] },
        {
          media: '(max-width: 600px)',
          mediaMatches: false,
          candidates: [{ url: 'https://a.test/crop-1100.jpg', w: 1100 }],
        },
        { media: '(min-width: 601px)', candidates: [{ url: 'https://a.test/unknown-media-1100.jpg', w: 1100 }] },
        {
          type: 'image/webp',
          media: '(min-width: 601px)',
          mediaMatches: true,
          candidates: [
            { url: 'https://a.test/1100.webp', w: 1100 },
            { url: 'https://a.test/3000.webp', w: 3000 },
          ],
        },
      ],
    });
    expect(pickSource(picture)?.url).toBe('https://a.test/1100.webp');
    expect(pickSource(picture, { canDecode: () => true })?.url).toBe('https://a.test/1100.avif');
  });

  it('gives nothing to download for images only the page can read', () => {
    expect(pickSource(base({ kind: 'canvas', url: undefined }))).toBeUndefined();
    expect(pickSource(base({ kind: 'blob', url: 'blob:https://a.test/1' }))).toBeUndefined();
  });

  it('never picks a data: or blob: entry of a srcset', () => {
    const lazy = base({ srcset: [{ url: 'data:image/gif;base64,R0lGOD', w: 4000 }, ...gallery] });
    expect(pickSource(lazy)?.url).toBe('https://a.test/1200.jpg');
  });
});

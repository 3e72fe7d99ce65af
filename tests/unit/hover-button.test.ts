import { describe, expect, it } from 'vitest';
import { checkedTarget } from '@/entrypoints/background/hover-button';
import { buttonCorner, isLargeEnough, showsOn, siteOf, withSite } from '@/lib/page/hover-button';

const viewport = { width: 1000, height: 800 };
const button = { width: 50, height: 28 };

describe('the hover button', () => {
  it('is for images at least 200 px on the short side', () => {
    expect(isLargeEnough({ x: 0, y: 0, width: 800, height: 200 })).toBe(true);
    expect(isLargeEnough({ x: 0, y: 0, width: 800, height: 199 })).toBe(false);
    expect(isLargeEnough({ x: 0, y: 0, width: 150, height: 150 })).toBe(false);
  });

  it('sits in the top end corner: right on a left-to-right page, left on a right-to-left one', () => {
    const image = { x: 100, y: 50, width: 400, height: 300 };
    expect(buttonCorner(image, button, 'ltr', viewport)).toEqual({ x: 100 + 400 - 8 - 50, y: 58 });
    expect(buttonCorner(image, button, 'rtl', viewport)).toEqual({ x: 108, y: 58 });
  });

  it('stays on screen and on the image when the image is scrolled partly away', () => {
    // Top scrolled off: the button rides the viewport's top edge, still over the image.
    expect(buttonCorner({ x: 100, y: -200, width: 400, height: 300 }, button, 'ltr', viewport).y).toBe(8);
    // Nearly gone: it stays above the image's bottom edge.
    expect(buttonCorner({ x: 100, y: -270, width: 400, height: 300 }, button, 'ltr', viewport).y).toBe(0);
    // Wider than the viewport: not past its right edge.
    expect(buttonCorner({ x: 0, y: 0, width: 3000, height: 300 }, button, 'ltr', viewport).x).toBe(950);
  });

  it('is switched per site, by hostname', () => {
    expect(siteOf('https://Example.com:8443/a?b')).toBe('example.com');
    expect(siteOf('chrome-extension://abc/popup.html')).toBeUndefined();
    expect(siteOf('file:///tmp/a.html')).toBeUndefined();
    expect(siteOf('not a url')).toBeUndefined();
    const off = withSite([], 'example.com', false);
    expect(off).toEqual(['example.com']);
    expect(showsOn({ hoverButton: true, hoverButtonOffSites: off }, 'example.com')).toBe(false);
    expect(showsOn({ hoverButton: true, hoverButtonOffSites: off }, 'other.org')).toBe(true);
    expect(showsOn({ hoverButton: false, hoverButtonOffSites: [] }, 'other.org')).toBe(false);
    expect(withSite(off, 'example.com', true)).toEqual([]);
    expect(withSite(off, 'example.com', false)).toEqual(['example.com']);
  });

  it('accepts from a content script only an image address, data: pixels or a screen box', () => {
    expect(checkedTarget({ url: 'https://cdn.example/a.jpg', width: 10, height: 20, extra: 1 })).toEqual({
      url: 'https://cdn.example/a.jpg',
      width: 10,
      height: 20,
    });
    expect(checkedTarget({ url: 'chrome-extension://x/secret', dataUrl: 'javascript:alert(1)' })).toBeUndefined();
    expect(checkedTarget({ url: 'file:///etc/passwd' })).toBeUndefined();
    expect(checkedTarget({ rect: { x: 1, y: 2, width: 3, height: 'x' } })).toBeUndefined();
    expect(
      checkedTarget({ dataUrl: 'data:image/png;base64,AA', rect: { x: 1, y: 2, width: 3, height: 4 }, dpr: 2 }),
    ).toEqual({
      dataUrl: 'data:image/png;base64,AA',
      rect: { x: 1, y: 2, width: 3, height: 4 },
      dpr: 2,
    });
    expect(checkedTarget('https://a/b.jpg')).toBeUndefined();
  });
});

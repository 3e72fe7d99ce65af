// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { scanPage } from '@/lib/page/scan-page';
import { scannedElement } from '@/lib/page/scanned-elements';

// Pixels are drawn by the browser; here only which images are found, and how they are described.
vi.mock('@/lib/page/scan-thumbnail', () => ({ thumbnailOf: async () => 'data:image/png;base64,VEhVTUI=' }));

/** happy-dom lays nothing out: every element gets the box its data-box attribute gives ("300x200"). */
function layOut(root: Document | ShadowRoot = document) {
  for (const element of root.querySelectorAll('*')) {
    const [width = 0, height = 0] = (element.getAttribute('data-box') ?? '0x0').split('x').map(Number);
    element.getBoundingClientRect = () => ({
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: width,
      bottom: height,
      width,
      height,
      toJSON: () => ({}),
    });
    if (element.shadowRoot) layOut(element.shadowRoot);
  }
}

function page(html: string) {
  document.body.innerHTML = html;
  layOut();
}

/** As the browser would have it once the image has loaded. */
function loaded(id: string, width: number, height: number, src: string, root: Document | ShadowRoot = document) {
  Object.defineProperties(root.getElementById(id)!, {
    naturalWidth: { value: width },
    naturalHeight: { value: height },
    complete: { value: true },
    currentSrc: { value: src },
  });
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scanPage: every image a document shows, by the right-click rules', () => {
  it('an <img>: its shown file, natural size, alt text and srcset, resolved against the page', async () => {
    page('<img id="a" data-box="300x200" alt="  A red\n fox " src="a.jpg" srcset="a.jpg 400w, big/a.jpg 1600w">');
    loaded('a', 300, 200, 'http://localhost:3000/a.jpg');
    const [found, ...rest] = await scanPage();
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      kind: 'url',
      url: 'http://localhost:3000/a.jpg',
      displayed: { width: 300, height: 200 },
      // The srcset says the file is 400 px wide: the density-scaled naturalWidth (300) is not the file's.
      natural: { width: 400, height: 267 },
      alt: 'A red fox',
      srcset: [
        { url: 'http://localhost:3000/a.jpg', w: 400 },
        { url: 'http://localhost:3000/big/a.jpg', w: 1600 },
      ],
    });
  });

  it('a lazy <img>: the data-* source and data-srcset stand in for the placeholder', async () => {
    page(
      '<img id="l" data-box="300x200" src="data:image/gif;base64,R0lGOD" data-src="/real.jpg" data-srcset="/r-1.jpg ' +
        '1x, /r-2.jpg 2x">',
    );
    const [found] = await scanPage();
    expect(found?.url).toBe('http://localhost:3000/r-2.jpg');
    expect(found?.natural).toBeUndefined();
    expect(found?.srcset).toEqual([
      { url: 'http://localhost:3000/r-1.jpg', x: 1 },
      { url: 'http://localhost:3000/r-2.jpg', x: 2 },
    ]);
  });

  it('a <picture>: its <source>s with type and media, once (not for the <picture> and the <img>)', async () => {
    page(`<picture data-box="300x200">
      <source srcset="/p.avif 800w" type="image/avif">
      <source srcset="/wide.jpg 1200w" media="(min-width: 5000px)">
      <img id="p" data-box="300x200" src="/p.jpg" alt="Picture">
    </picture>`);
    const found = await scanPage();
    expect(found).toHaveLength(1);
    expect(found[0]?.sources).toEqual([
      { candidates: [{ url: 'http://localhost:3000/p.avif', w: 800 }], type: 'image/avif' },
      {
        candidates: [{ url: 'http://localhost:3000/wide.jpg', w: 1200 }],
        media: '(min-width: 5000px)',
        mediaMatches: false,
      },
    ]);
  });

  it('CSS backgrounds of elements, but not of the page itself', async () => {
    document.body.style.backgroundImage = 'url(/page-bg.png)';
    page('<div data-box="320x180" style="background-image: url(/hero.jpg)"></div>');
    const found = await scanPage();
    expect(found.map((image) => [image.kind, image.url])).toEqual([['url', 'http://localhost:3000/hero.jpg']]);
    document.body.style.backgroundImage = '';
  });

  it('canvas, video and inline SVG: named for a later read, with a thumbnail; SVG icons left out', async () => {
    page(`<canvas id="c" data-box="256x256" width="512" height="512"></canvas>
      <svg id="s" data-box="200x200"><rect width="10" height="10"/></svg>
      <svg data-box="16x16"><circle r="4"/></svg>
      <video id="v" data-box="320x240"></video>`);
    Object.defineProperties(document.getElementById('v')!, { videoWidth: { value: 640 }, videoHeight: { value: 480 } });
    const found = await scanPage();
    expect(found.map((image) => image.kind)).toEqual(['canvas', 'svg', 'video']);
    expect(found[0]).toMatchObject({
      natural: { width: 512, height: 512 },
      thumbnail: 'data:image/png;base64,VEhVTUI=',
    });
    expect(found[2]?.natural).toEqual({ width: 640, height: 480 });
    expect(scannedElement(found[0]!.elementRef!)).toBe(document.getElementById('c'));
    expect(scannedElement(found[1]!.elementRef!)).toBe(document.getElementById('s'));
  });

  it('an element keeps its name across rescans; a removed one is forgotten', async () => {
    page('<canvas id="c" data-box="256x256" width="256" height="256"></canvas>');
    const [first] = await scanPage();
    const [again] = await scanPage();
    expect(again?.elementRef).toBe(first?.elementRef);
    document.getElementById('c')!.remove();
    expect(scannedElement(first!.elementRef!)).toBeUndefined();
  });

  it('looks into open shadow roots', async () => {
    page('<div id="host" data-box="300x300"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<img id="in" data-box="300x300" src="/inside.jpg" alt="Inside">';
    layOut(shadow);
    loaded('in', 300, 300, 'http://localhost:3000/inside.jpg', shadow);
    expect((await scanPage()).map((image) => image.alt)).toEqual(['Inside']);
  });

  it('leaves out what is not shown: no box (display: none), or visibility: hidden', async () => {
    page(`<img src="/none.jpg" alt="none">
      <img data-box="300x200" src="/hidden.jpg" alt="hidden" style="visibility: hidden">
      <img data-box="300x200" src="/shown.jpg" alt="shown">`);
    expect((await scanPage()).map((image) => image.alt)).toEqual(['shown']);
  });

  it('a blob: image is the page’s to read: named, with a thumbnail', async () => {
    page('<img id="b" data-box="300x200" src="blob:http://localhost:3000/1234">');
    loaded('b', 600, 400, 'blob:http://localhost:3000/1234');
    const [found] = await scanPage();
    expect(found).toMatchObject({
      kind: 'blob',
      url: 'blob:http://localhost:3000/1234',
      thumbnail: expect.any(String),
    });
    expect(found?.elementRef).toMatch(/^pl-\d+$/);
  });
});

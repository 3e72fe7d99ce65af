// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IMAGE_KINDS, imageOf, scanOf, showsImage } from '@/lib/page/image-kinds';

// Pixels are drawn by the browser; here only which reader is used, and with what, matters.
vi.mock('@/lib/page/page-pixels', () => ({
  rasterizeInlineSvg: async () => 'data:image/png;base64,U1ZH',
  canvasPixels: () => 'data:image/png;base64,Q0FOVkFT',
  videoFrame: () => 'data:image/png;base64,VklERU8=',
  readBlobUrl: async () => 'data:image/jpeg;base64,QkxPQg==',
}));

function element(html: string, id = 'e'): Element {
  document.body.innerHTML = html;
  return document.getElementById(id)!;
}

/** As the browser would have it once the image has loaded (or failed to). */
function loaded(img: Element, width: number, height: number, src: string) {
  Object.defineProperties(img, {
    naturalWidth: { value: width },
    naturalHeight: { value: height },
    complete: { value: true },
    currentSrc: { value: src },
  });
  return img;
}

interface Case {
  name: string;
  make: () => Element;
  shows: boolean;
  read: unknown;
  /** What the Batch page's scan lists for it, shown at DISPLAYED size. */
  scan: unknown[];
}

const DISPLAYED = { width: 320, height: 240 };
const listed = (image: object) => ({ displayed: DISPLAYED, frameId: 0, ...image });

/** One case per kind in the table, by its name: a kind added without a case here fails below. */
const cases: Record<string, Case[]> = {
  '<picture>: its <img>': [
    {
      name: 'the source the browser chose (currentSrc)',
      make: () => {
        const picture = element(
          '<picture id="e"><source srcset="a.webp" type="image/webp"><img id="i" src="a.jpg"></picture>',
        );
        loaded(document.getElementById('i')!, 800, 600, 'https://site.test/gallery/a.webp');
        return picture;
      },
      shows: true,
      read: { url: 'https://site.test/gallery/a.webp', width: 800, height: 600 },
      scan: [], // its <img> is listed on its own
    },
  ],
  '<img> (srcset/<picture> currentSrc, lazy data-* sources)': [
    {
      name: 'a loaded image: currentSrc and its natural size',
      make: () =>
        loaded(element('<img id="e" src="small.jpg" srcset="big.jpg 2x">'), 1600, 1200, 'https://cdn.test/big.jpg'),
      shows: true,
      read: { url: 'https://cdn.test/big.jpg', width: 1600, height: 1200 },
      scan: [
        listed({
          kind: 'url',
          url: 'https://cdn.test/big.jpg',
          natural: { width: 1600, height: 1200 },
          srcset: [{ url: 'https://site.test/gallery/big.jpg', x: 2 }],
        }),
      ],
    },
    {
      name: 'a 1×1 placeholder: its data-src, made absolute',
      make: () =>
        loaded(
          element('<img id="e" src="data:image/gif;base64,R0lGOD" data-src="../full/lazy.jpg">'),
          1,
          1,
          'data:image/gif;base64,R0lGOD',
        ),
      shows: true,
      read: { url: 'https://site.test/full/lazy.jpg' },
      scan: [listed({ kind: 'url', url: 'https://site.test/full/lazy.jpg' })],
    },
    {
      name: 'a lazy data-srcset: its widest candidate',
      make: () => element('<img id="e" data-srcset="s.jpg 400w, l.jpg 1600w">'),
      shows: true,
      read: { url: 'https://site.test/gallery/l.jpg' },
      scan: [
        listed({
          kind: 'url',
          url: 'https://site.test/gallery/l.jpg',
          srcset: [
            { url: 'https://site.test/gallery/s.jpg', w: 400 },
            { url: 'https://site.test/gallery/l.jpg', w: 1600 },
          ],
        }),
      ],
    },
    {
      name: 'a broken image: not shown, but its address is still tried (no screen capture)',
      make: () => loaded(element('<img id="e" src="https://cdn.test/gone.jpg">'), 0, 0, 'https://cdn.test/gone.jpg'),
      shows: false,
      read: { url: 'https://cdn.test/gone.jpg', shown: false },
      scan: [listed({ kind: 'url', url: 'https://cdn.test/gone.jpg' })],
    },
  ],
  'inline <svg> (drawn here: a service worker cannot render SVG)': [
    {
      name: 'a picture-sized SVG, reached from a shape inside it',
      make: () => {
        const shape = element('<svg id="s" width="300" height="200"><rect id="e" width="300" height="200"/></svg>');
        document.getElementById('s')!.getBoundingClientRect = () => ({ width: 300, height: 200 }) as DOMRect;
        return shape;
      },
      shows: true,
      read: { dataUrl: 'data:image/png;base64,U1ZH' },
      scan: [], // listed once, from its <svg>
    },
    {
      name: 'a picture-sized SVG itself',
      make: () => {
        const svg = element('<svg id="e" width="300" height="200"><rect width="300" height="200"/></svg>');
        svg.getBoundingClientRect = () => ({ width: 300, height: 200 }) as DOMRect;
        return svg;
      },
      shows: true,
      read: { dataUrl: 'data:image/png;base64,U1ZH' },
      scan: [listed({ kind: 'svg' })],
    },
    {
      name: 'an icon (under 48 px): not the picture',
      make: () => element('<svg id="e" width="24" height="24"><path d="M0 0h24v24z"/></svg>'),
      shows: false,
      read: null,
      scan: [],
    },
  ],
  '<canvas>': [
    {
      name: 'its pixels at its own resolution',
      make: () => element('<canvas id="e" width="640" height="400"></canvas>'),
      shows: true,
      read: { dataUrl: 'data:image/png;base64,Q0FOVkFT', width: 640, height: 400 },
      scan: [listed({ kind: 'canvas', natural: { width: 640, height: 400 } })],
    },
  ],
  '<video>: its current frame': [
    {
      name: 'a playing video: the frame',
      make: () => {
        const video = element('<video id="e"></video>');
        Object.defineProperties(video, { videoWidth: { value: 1280 }, videoHeight: { value: 720 } });
        return video;
      },
      shows: true,
      read: { dataUrl: 'data:image/png;base64,VklERU8=', width: 1280, height: 720 },
      scan: [listed({ kind: 'video', natural: { width: 1280, height: 720 } })],
    },
    {
      name: 'no frame yet: nothing',
      make: () => element('<video id="e"></video>'),
      shows: false,
      read: null,
      scan: [],
    },
  ],
  'the page’s own background (<html>, <body>): decoration, not a picture': [
    {
      name: 'a tiled body background',
      make: () => {
        element('<p id="e">Text</p>');
        document.body.style.backgroundImage = "url('tile.png')";
        return document.body;
      },
      shows: false,
      read: null,
      scan: [],
    },
  ],
  'CSS background-image (image-set, gradients skipped) of the element, ::before or ::after': [
    {
      name: 'a url() layer under a gradient, made absolute',
      make: () => element(`<div id="e" style="background-image: linear-gradient(red, blue), url('hero.jpg')"></div>`),
      shows: true,
      read: { url: 'https://site.test/gallery/hero.jpg' },
      scan: [listed({ kind: 'url', url: 'https://site.test/gallery/hero.jpg' })],
    },
    {
      name: 'a blob: background, read by the page that made it',
      make: () => element(`<div id="e" style="background-image: url('blob:https://site.test/1234')"></div>`),
      shows: true,
      read: { dataUrl: 'data:image/jpeg;base64,QkxPQg==' },
      scan: [listed({ kind: 'blob', url: 'blob:https://site.test/1234' })],
    },
    {
      name: 'plain text: no image',
      make: () => element('<p id="e">Just text</p>'),
      shows: false,
      read: null,
      scan: [],
    },
  ],
};

beforeEach(() => {
  document.head.innerHTML = '<base href="https://site.test/gallery/">';
  document.body.removeAttribute('style');
});

describe('the table of image kinds', () => {
  it('has a test case for every kind, and no case for a kind it lacks', () => {
    expect(Object.keys(cases).sort()).toEqual(IMAGE_KINDS.map((kind) => kind.name).sort());
  });

  for (const [kind, list] of Object.entries(cases)) {
    describe(kind, () => {
      for (const c of list) {
        it(c.name, async () => {
          const subject = c.make();
          expect(IMAGE_KINDS.find((candidate) => candidate.recognises(subject, window as never))?.name).toBe(kind);
          expect(showsImage(subject)).toBe(c.shows);
          expect(await imageOf(subject)).toEqual(c.read);
          expect(scanOf(subject, DISPLAYED)).toEqual(c.scan);
        });
      }
    });
  }
});

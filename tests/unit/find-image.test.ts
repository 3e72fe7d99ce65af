// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findImage } from '@/lib/page/find-image';

/** Elements as elementsFromPoint would list them under the pointer: topmost first. */
function stack(html: string, ...ids: string[]): Element[] {
  document.body.innerHTML = html;
  return ids.map((id) =>
    id === 'body' ? document.body : id === 'html' ? document.documentElement : document.getElementById(id)!,
  );
}

function loaded(id: string, width: number, height: number, src = `https://cdn.test/${id}.jpg`) {
  const img = document.getElementById(id) as HTMLImageElement;
  Object.defineProperties(img, {
    naturalWidth: { value: width },
    naturalHeight: { value: height },
    complete: { value: true },
    currentSrc: { value: src },
  });
}

beforeEach(() => {
  document.head.innerHTML = '<base href="https://site.test/gallery/">';
});

describe('which image wins under the pointer', () => {
  it('a transparent overlay does not hide the image below it', async () => {
    const elements = stack(
      '<div id="overlay"></div><img id="photo" src="https://cdn.test/photo.jpg">',
      'overlay',
      'photo',
      'body',
      'html',
    );
    loaded('photo', 1200, 800);
    const { target } = await findImage(elements);
    expect(target).toMatchObject({ url: 'https://cdn.test/photo.jpg', width: 1200, height: 800 });
    expect(target?.rect).toBeDefined();
  });

  it('the topmost image wins over one further down', async () => {
    const elements = stack(
      '<img id="top" src="https://cdn.test/top.jpg"><img id="below" src="https://cdn.test/below.jpg">',
      'top',
      'below',
    );
    loaded('top', 600, 400);
    loaded('below', 2000, 1000);
    expect((await findImage(elements)).target?.url).toBe('https://cdn.test/top.jpg');
  });

  it('a lazy placeholder gives way to its data-src, made absolute', async () => {
    const elements = stack(
      '<img id="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="../full/lazy.jpg">',
      'lazy',
    );
    loaded('lazy', 1, 1, 'data:image/gif;base64,R0lGODlhAQABAAAAACw=');
    expect((await findImage(elements)).target?.url).toBe('https://site.test/full/lazy.jpg');
  });

  it('a CSS background of an ancestor is found under a caption, past a gradient layer', async () => {
    const elements = stack(
      `<div id="card" style="background-image: linear-gradient(red, blue), url('hero.jpg')"><p ` +
        `id="caption">Caption</p></div>`,
      'caption',
      'card',
      'body',
    );
    expect((await findImage(elements)).target?.url).toBe('https://site.test/gallery/hero.jpg');
  });

  it('page backgrounds (html, body) are decoration, not the picture', async () => {
    const elements = stack('<p id="text">Just text</p>', 'text', 'body', 'html');
    document.body.style.backgroundImage = "url('tile.png')";
    expect(await findImage(elements)).toEqual({ target: null, unreadable: undefined });
  });

  it('a broken image (the page could not show it either) is not offered for a screen capture', async () => {
    const elements = stack('<img id="broken" src="https://cdn.test/gone.jpg">', 'broken');
    loaded('broken', 0, 0, 'https://cdn.test/gone.jpg');
    const { target } = await findImage(elements);
    expect(target?.url).toBe('https://cdn.test/gone.jpg');
    expect(target?.rect).toBeUndefined();
  });

  it('an <img> inside a <picture> is reached from the <picture>', async () => {
    const elements = stack(
      '<picture id="pic"><source srcset="a.webp" type="image/webp"><img id="inner" src="a.jpg"></picture>',
      'pic',
    );
    loaded('inner', 800, 800, 'https://site.test/gallery/a.webp');
    expect((await findImage(elements)).target?.url).toBe('https://site.test/gallery/a.webp');
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { browserSeesImage, wantsPageEntry } from '@/lib/image/image-under-pointer';

/** Elements as elementsFromPoint would list them under the pointer: topmost first. */
function stack(html: string, ...ids: string[]): Element[] {
  document.body.innerHTML = html;
  return [...ids.map((id) => document.getElementById(id)!), document.body, document.documentElement];
}

const none = () => false;

/** As the browser would have it once the image has loaded. */
function loaded(id: string) {
  Object.defineProperties(document.getElementById(id)!, { naturalWidth: { value: 800 }, naturalHeight: { value: 600 }, complete: { value: true } });
}

describe('which PromptLens entry the right-click menu shows', () => {
  it('plain text: no entry at all', () => {
    expect(wantsPageEntry(stack('<p id="text">Just text</p>', 'text'), none)).toBe(false);
  });

  it('an <img> on top: the browser’s image menu has PromptLens, so the page entry stays away', () => {
    const elements = stack('<img id="photo" src="https://cdn.test/a.jpg">', 'photo');
    expect(browserSeesImage(elements, none)).toBe(true);
    expect(wantsPageEntry(elements, none)).toBe(false);
  });

  it('an <img> under a transparent overlay: Chromium looks through it, unless a contextmenu listener stops it', () => {
    const html = '<div id="wrap"><img id="photo" src="https://cdn.test/a.jpg"><div id="overlay"></div></div>';
    const elements = stack(html, 'overlay', 'photo', 'wrap');
    loaded('photo');
    expect(wantsPageEntry(elements, none)).toBe(false);
    const reactRoot = (element: Element) => element.closest('#wrap') !== null;
    expect(wantsPageEntry(elements, reactRoot)).toBe(true);
  });

  it('an <img> under an opaque caption bar: the page menu, so the page entry', () => {
    const elements = stack('<img id="photo" src="https://cdn.test/a.jpg"><div id="bar" style="background-color: rgb(0, 0, 0)"></div>', 'bar', 'photo');
    loaded('photo');
    expect(wantsPageEntry(elements, none)).toBe(true);
  });

  it('a CSS background and a canvas are images only PromptLens sees', () => {
    expect(wantsPageEntry(stack(`<div id="hero" style="background-image: url('hero.jpg')"></div>`, 'hero'), none)).toBe(true);
    expect(wantsPageEntry(stack('<canvas id="art" width="300" height="200"></canvas>', 'art'), none)).toBe(true);
  });

  it('the page’s own background is decoration, not a picture', () => {
    const elements = stack('<p id="text">Text</p>', 'text');
    document.body.style.backgroundImage = "url('tile.png')";
    expect(wantsPageEntry(elements, none)).toBe(false);
    document.body.style.backgroundImage = '';
  });
});

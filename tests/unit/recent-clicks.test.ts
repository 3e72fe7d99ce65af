// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { recentClicks } from '@/lib/page/recent-clicks';

const img = (src: string) => {
  const element = document.createElement('img');
  element.src = src;
  return element;
};

describe('recent right-clicks', () => {
  it('answers for the image the menu named, even when the user has right-clicked another since', () => {
    const clicks = recentClicks();
    const first = [img('https://cdn.test/a.jpg'), document.body];
    const second = [img('https://cdn.test/b.jpg'), document.body];
    clicks.record(first);
    clicks.record(second);
    expect(clicks.stackFor('https://cdn.test/a.jpg')).toBe(first);
    expect(clicks.stackFor('https://cdn.test/b.jpg')).toBe(second);
  });

  it('without a named image (a CSS background, an overlay), or an unknown one, the newest right-click', () => {
    const clicks = recentClicks();
    expect(clicks.stackFor()).toEqual([]);
    const div = [document.createElement('div')];
    clicks.record([img('https://cdn.test/a.jpg')]);
    clicks.record(div);
    expect(clicks.stackFor()).toBe(div);
    expect(clicks.stackFor('https://cdn.test/zzz.jpg')).toBe(div);
  });

  it('keeps only the last few', () => {
    const clicks = recentClicks();
    const oldest = [img('https://cdn.test/0.jpg')];
    clicks.record(oldest);
    for (let i = 1; i <= 8; i++) clicks.record([img(`https://cdn.test/${i}.jpg`)]);
    expect(clicks.stackFor('https://cdn.test/0.jpg')).not.toBe(oldest);
  });
});

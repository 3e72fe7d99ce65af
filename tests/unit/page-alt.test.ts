// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { findImage } from '@/lib/page/find-image';

function img(html: string): HTMLImageElement {
  document.body.innerHTML = html;
  const element = document.querySelector('img')!;
  Object.defineProperties(element, {
    naturalWidth: { value: 800 },
    naturalHeight: { value: 600 },
    complete: { value: true },
  });
  return element;
}

it('the page’s own alt text travels with the image, trimmed; an empty or missing one does not', async () => {
  expect((await findImage([img('<img src="https://cdn.test/a.jpg" alt="  A fox on a fence ">')])).target?.alt).toBe(
    'A fox on a fence',
  );
  expect((await findImage([img('<img src="https://cdn.test/a.jpg" alt="">')])).target).not.toHaveProperty('alt');
  expect((await findImage([img('<img src="https://cdn.test/a.jpg">')])).target).not.toHaveProperty('alt');
});

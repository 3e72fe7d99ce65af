import type { Page } from '@playwright/test';

/**
 * Controls whose text does not fit: a button, label, option list or heading clipped or spilling
 * out sideways, or the page itself scrolling horizontally. Returns a line per problem.
 */
export function findClippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1)
      problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const selector = 'button, label, select, h1, h2, a, .history-item, [role="status"], [role="alert"] strong';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const box = el.getBoundingClientRect();
      // Hidden, or a label only screen readers get (.visually-hidden: 1 px, clipped on purpose).
      if (box.width <= 1 && box.height <= 1) continue;
      const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      if (
        el.scrollWidth > el.clientWidth + 1 &&
        getComputedStyle(el).overflowX !== 'auto' &&
        !el.matches('.history-item')
      ) {
        problems.push(`${name} clipped: ${el.scrollWidth} > ${el.clientWidth}`);
      }
      if (box.left < -1 || box.right > doc.clientWidth + 1)
        problems.push(`${name} outside the page: ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
    return problems;
  });
}

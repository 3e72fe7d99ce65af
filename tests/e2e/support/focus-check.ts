import type { Page } from '@playwright/test';

export interface FocusStop {
  name: string;
  /** Border box of the focused control, in page pixels. */
  box: { top: number; bottom: number; left: number; right: number };
  problems: string[];
}

/**
 * The control that has focus, and what is wrong with how it shows it: no outline, an outline
 * under 2 px or below 3:1 against the colour around it (WCAG 1.4.11), or cut off by a
 * scrolling box around it.
 */
function describeFocus(): FocusStop | null {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body || el === document.documentElement) return null;
  const rgb = (color: string) => {
    const m = color.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return { r: m[0]!, g: m[1]!, b: m[2]!, a: m[3] ?? 1 };
  };
  const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const [R, G, B] = [r, g, b].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const style = getComputedStyle(el);
  const width = parseFloat(style.outlineWidth);
  const offset = parseFloat(style.outlineOffset);
  // The outline is drawn on what surrounds the control (or, pulled inwards, on the control).
  let behind: Element | null = offset < 0 ? el : el.parentElement;
  let background = 'rgb(255, 255, 255)';
  for (; behind; behind = behind.parentElement) {
    const color = getComputedStyle(behind).backgroundColor;
    if (rgb(color).a > 0) {
      background = color;
      break;
    }
  }
  const rect = el.getBoundingClientRect();
  const label = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).value ?? '')
    .trim()
    .slice(0, 40);
  const classes = el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : '';
  const name = `${el.tagName.toLowerCase()}${classes} "${label}"`;
  const problems: string[] = [];
  if (style.outlineStyle === 'none' || !(width >= 2)) {
    problems.push(`no visible focus outline (${style.outlineStyle} ${style.outlineWidth})`);
  } else {
    const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 3)
      problems.push(`focus outline ${style.outlineColor} on ${background} is ${ratio.toFixed(2)}:1, under 3:1`);
    const reach = Math.max(0, offset + width);
    for (let box = el.parentElement; box; box = box.parentElement) {
      const s = getComputedStyle(box);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const clip = box.getBoundingClientRect();
      if (
        rect.top - reach < clip.top - 0.5 ||
        rect.bottom + reach > clip.bottom + 0.5 ||
        rect.left - reach < clip.left - 0.5 ||
        rect.right + reach > clip.right + 0.5
      ) {
        problems.push(`focus outline cut off by the scrolling ${box.tagName.toLowerCase()}.${box.className}`);
        break;
      }
    }
  }
  const y = window.scrollY;
  const x = window.scrollX;
  return {
    name,
    box: { top: rect.top + y, bottom: rect.bottom + y, left: rect.left + x, right: rect.right + x },
    problems,
  };
}

/**
 * Tabs through the page from the top, as a keyboard user does, until focus leaves it; returns
 * a line per problem: a control without a visible focus indicator, or focus jumping back up
 * the page (or against the reading direction within a line).
 */
export async function checkFocusOrder(page: Page, maxStops = 120): Promise<{ stops: string[]; problems: string[] }> {
  // Tab starts from where the user last clicked: start from a mark at the very top instead.
  await page.evaluate(() => {
    const mark = Object.assign(document.createElement('span'), { id: 'focus-start', tabIndex: -1 });
    document.body.prepend(mark);
    mark.focus();
    window.scrollTo(0, 0);
  });
  const rtl = (await page.evaluate(() => document.documentElement.dir)) === 'rtl';
  const stops: FocusStop[] = [];
  const problems: string[] = [];
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(describeFocus);
    if (!stop || (stops.length > 0 && stop.name === stops[0]!.name && stop.box.top === stops[0]!.box.top)) break;
    problems.push(...stop.problems.map((p) => `${stop.name}: ${p}`));
    const previous = stops.at(-1);
    if (previous) {
      const sameLine = stop.box.top < previous.box.bottom && stop.box.bottom > previous.box.top;
      const backwards = sameLine
        ? rtl
          ? stop.box.right > previous.box.right + 1
          : stop.box.left < previous.box.left - 1
        : stop.box.top < previous.box.top;
      if (backwards) problems.push(`focus goes back from ${previous.name} to ${stop.name}`);
    }
    stops.push(stop);
  }
  await page.evaluate(() => document.getElementById('focus-start')?.remove());
  return { stops: stops.map((s) => s.name), problems };
}

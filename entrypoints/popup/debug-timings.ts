import { browser } from 'wxt/browser';

/**
 * Timing marks for the user-wait bench (tests/bench/user-wait.bench.ts), off unless it sets
 * `debugTimings` in session storage: when the popup's document started (its navigation), when it
 * first painted, and when the first word of an answer was in its DOM (the next animation frame:
 * the one that paints it). All in epoch ms,
 * written to session storage as `debugPopupTimings`. A popup opened by action.openPopup() is no
 * page a test driver can attach to, so it reports itself.
 */
export async function recordDebugTimings(): Promise<void> {
  const { debugTimings } = await browser.storage.session.get('debugTimings');
  if (typeof debugTimings !== 'string') return;
  // start: this document's navigation start, so the bench can tell the browser's part from ours.
  const marks: { start: number; paint?: number; token?: number } = { start: performance.timeOrigin };
  const save = () => void browser.storage.session.set({ debugPopupTimings: marks });
  new PerformanceObserver((list) => {
    const paint = list.getEntries().find((entry) => entry.name === 'first-contentful-paint');
    if (!paint || marks.paint) return;
    marks.paint = performance.timeOrigin + paint.startTime;
    save();
  }).observe({ type: 'paint', buffered: true });
  const observer = new MutationObserver(() => {
    if (!document.body.textContent?.includes(debugTimings)) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      marks.token = performance.timeOrigin + performance.now();
      save();
    });
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
}

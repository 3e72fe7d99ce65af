import { browser } from 'wxt/browser';

/**
 * Chrome stops an idle service worker after 30 s even mid-stream; an extension API call
 * resets that timer. Held while at least one job runs.
 */
let holders = 0;
let timer: ReturnType<typeof setInterval> | undefined;

export function holdAwake(): () => void {
  holders++;
  timer ??= setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

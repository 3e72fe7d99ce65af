import { browser } from 'wxt/browser';
import { worker } from './worker-state';

/**
 * Chrome stops an idle service worker after 30 s even mid-stream; an extension API call
 * resets that timer. Held while at least one job runs.
 */
export function holdAwake(): () => void {
  const awake = worker.awake;
  awake.holders++;
  awake.timer ??= setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--awake.holders === 0) {
      clearInterval(awake.timer);
      awake.timer = undefined;
    }
  };
}

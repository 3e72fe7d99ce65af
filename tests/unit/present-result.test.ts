import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openResultsNow, POPUP_WAIT_MS } from '@/entrypoints/background/present-result';
import { worker } from '@/entrypoints/background/worker-state';
import { deferred } from '@/lib/deferred';

let openPopup: ReturnType<typeof vi.fn>;
let openPanel: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  openPopup = vi.fn(async () => undefined);
  openPanel = vi.fn(async () => undefined);
  Object.assign(fakeBrowser.action, { openPopup });
  Object.assign(fakeBrowser, { sidePanel: { open: openPanel } });
  worker.resultsIn = 'popup';
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  worker.resultsIn = undefined;
});

/** Chrome's background is a service worker, where the popup may open after the click. */
const inChromeWorker = () => vi.stubGlobal('ServiceWorkerGlobalScope', class {});

describe('opening the results for a new job', () => {
  it('Chrome: the popup waits for the request to be out, so its start does not slow the decode', async () => {
    inChromeWorker();
    const out = deferred();
    const opened = openResultsNow(1, out.promise);
    await vi.advanceTimersByTimeAsync(POPUP_WAIT_MS / 2);
    expect(openPopup).not.toHaveBeenCalled();
    out.resolve();
    expect(await opened).toBe(true);
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it('Chrome: a request that takes long (a slow download) has the popup open after POPUP_WAIT_MS', async () => {
    inChromeWorker();
    const opened = openResultsNow(1, new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(POPUP_WAIT_MS - 1);
    expect(openPopup).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await opened).toBe(true);
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it('with nothing to wait for (the image was prepared), the popup opens at once', () => {
    inChromeWorker();
    void openResultsNow(1);
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it('Firefox (a background page): the popup opens inside the click, as it must', () => {
    void openResultsNow(1, new Promise(() => undefined));
    expect(openPopup).toHaveBeenCalledTimes(1);
  });

  it('the side panel opens inside the click even in Chrome, never later', () => {
    inChromeWorker();
    worker.resultsIn = 'sidePanel';
    void openResultsNow(7, new Promise(() => undefined));
    expect(openPanel).toHaveBeenCalledWith({ tabId: 7 });
    expect(openPopup).not.toHaveBeenCalled();
  });

  it('a popup the browser refuses is reported, so the job ends with a notification instead', async () => {
    inChromeWorker();
    openPopup.mockRejectedValueOnce(new Error('no active browser window'));
    expect(await openResultsNow(1, Promise.resolve())).toBe(false);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FoundImage } from '@/lib/batch/found-image';

const api = vi.hoisted(() => ({
  frames: [] as Array<{ frameId: number }>,
  answers: new Map<number, () => Promise<unknown>>(),
  tabs: [] as Array<{ id: number; url?: string; windowId?: number; index?: number }>,
  created: [] as unknown[],
  focused: [] as number[],
}));

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { getURL: (path: string) => `chrome-extension://id${path}` },
    tabs: {
      get: async (id: number) => api.tabs.find((tab) => tab.id === id) ?? Promise.reject(new Error('No tab')),
      query: async () => api.tabs,
      update: async (id: number) => void api.focused.push(id),
      create: async (props: unknown) => void api.created.push(props),
    },
    windows: { update: async () => undefined },
    webNavigation: { getAllFrames: async () => api.frames },
  },
}));
vi.mock('@/lib/messaging', () => ({
  sendMessage: (_type: string, _data: unknown, to: { frameId: number }) =>
    api.answers.get(to.frameId)?.() ?? Promise.reject(new Error('Could not establish connection')),
}));

const { scanTab } = await import('@/entrypoints/background/scan-tab');
const { openBatch } = await import('@/entrypoints/background/open-batch');

const image = (url: string): FoundImage => ({ kind: 'url', url, displayed: { width: 300, height: 200 }, frameId: 0 });

beforeEach(() => {
  api.frames = [];
  api.answers.clear();
  api.tabs = [{ id: 7, url: 'https://gallery.test/', windowId: 1, index: 3 }];
  api.created = [];
  api.focused = [];
});

describe('scanTab: every frame of the tab, each image with its frame', () => {
  it('asks every frame, tells each image its frame, top frame first', async () => {
    api.frames = [{ frameId: 5 }, { frameId: 0 }, { frameId: 9 }];
    api.answers.set(0, async () => [image('https://a.test/top.jpg')]);
    api.answers.set(5, async () => [image('https://b.test/framed.jpg')]);
    // A frame without our content script (about:blank, a sandboxed frame) is left out.
    const scan = await scanTab(7);
    expect(scan.pageUrl).toBe('https://gallery.test/');
    expect(scan.found.map((found) => [found.frameId, found.url])).toEqual([
      [5, 'https://b.test/framed.jpg'],
      [0, 'https://a.test/top.jpg'],
    ]);
  });

  it('a frame that never answers is left out after a while, the others are not held up for ever', async () => {
    vi.useFakeTimers();
    api.frames = [{ frameId: 0 }, { frameId: 3 }];
    api.answers.set(0, async () => [image('https://a.test/top.jpg')]);
    api.answers.set(3, () => new Promise(() => undefined));
    const scanning = scanTab(7);
    await vi.advanceTimersByTimeAsync(5000);
    expect((await scanning).found).toHaveLength(1);
    vi.useRealTimers();
  });

  it('fails when no frame answers: a browser page, or a tab loaded before PromptLens', async () => {
    api.frames = [{ frameId: 0 }];
    await expect(scanTab(7)).rejects.toThrow(/No content script/);
  });
});

describe('openBatch: one Batch page per tab, beside it', () => {
  it('opens it right after the source tab', async () => {
    await openBatch(7);
    expect(api.created).toEqual([
      { url: 'chrome-extension://id/batch.html?tab=7', windowId: 1, index: 4, openerTabId: 7 },
    ]);
  });

  it('focuses the one already open for that tab instead of opening another', async () => {
    api.tabs.push({ id: 12, url: 'chrome-extension://id/batch.html?tab=7', windowId: 1 });
    await openBatch(7);
    expect(api.created).toEqual([]);
    expect(api.focused).toEqual([12]);
  });
});

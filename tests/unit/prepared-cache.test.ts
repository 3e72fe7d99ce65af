import { describe, expect, it, vi } from 'vitest';
import { deferred } from '@/lib/deferred';
import { PreparedCache } from '@/lib/image/prepared-cache';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('PreparedCache', () => {
  it('a click half-way through a preparation joins it: one download, one decode', async () => {
    const cache = new PreparedCache<string>({ ttlMs: 30_000, maxCount: 3 });
    const work = deferred<string>();
    const start = vi.fn(() => work.promise);
    expect(cache.prepare('a', start)).toBe(true);
    expect(cache.prepare('a', start)).toBe(false);
    const joined = cache.get('a');
    work.resolve('normalized a');
    expect(await joined).toBe('normalized a');
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('keeps a prepared image 30 s and 3 images at most, the oldest dropped first', async () => {
    let now = 0;
    const cache = new PreparedCache<string>({ ttlMs: 30_000, maxCount: 3, now: () => now });
    for (const key of ['a', 'b', 'c', 'd']) cache.prepare(key, async () => key);
    await flush();
    expect(cache.get('a')).toBeUndefined();
    expect(await cache.get('d')).toBe('d');
    now = 30_001;
    expect(cache.get('d')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('is ready only once its preparation is done, and no longer once it expired', async () => {
    let now = 0;
    const cache = new PreparedCache<string>({ ttlMs: 30_000, maxCount: 3, now: () => now });
    const work = deferred<string>();
    cache.prepare('a', () => work.promise);
    expect(cache.isReady('a')).toBe(false);
    work.resolve('normalized a');
    await flush();
    expect(cache.isReady('a')).toBe(true);
    expect(cache.isReady('b')).toBe(false);
    now = 30_001;
    expect(cache.isReady('a')).toBe(false);
  });

  it('a failed preparation is forgotten, so the click takes the ordinary path', async () => {
    const cache = new PreparedCache<string>({ ttlMs: 30_000, maxCount: 3 });
    cache.prepare('a', async () => Promise.reject(new Error('403')));
    await flush();
    expect(cache.get('a')).toBeUndefined();
  });

  it('a right-click on another image stops preparations still running, not finished ones', async () => {
    const cache = new PreparedCache<string>({ ttlMs: 30_000, maxCount: 3 });
    let signalOfA: AbortSignal | undefined;
    cache.prepare('done', async () => 'done');
    await flush();
    cache.prepare('a', (signal) => {
      signalOfA = signal;
      return new Promise<string>(() => undefined);
    });
    cache.abortPendingExcept('b');
    expect(signalOfA?.aborted).toBe(true);
    expect(cache.get('a')).toBeUndefined();
    expect(await cache.get('done')).toBe('done');
  });

  it('clear() drops everything (a settings change)', async () => {
    const cache = new PreparedCache<string>({ ttlMs: 30_000, maxCount: 3 });
    cache.prepare('a', async () => 'a');
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { createDownloadPool } from '@/lib/batch/download-pool';

/** A task that resolves when told to, recording that it started and the signal it got. */
function deferredTask() {
  let finish!: (value: string) => void;
  const task = {
    started: false,
    signal: undefined as AbortSignal | undefined,
    finish: (value: string) => finish(value),
    run: (signal: AbortSignal) => {
      task.started = true;
      task.signal = signal;
      return new Promise<string>((resolve, reject) => {
        finish = resolve;
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    },
  };
  return task;
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('download pool', () => {
  it('runs at most 6 at once and starts the next when one ends', async () => {
    const pool = createDownloadPool();
    const tasks = Array.from({ length: 10 }, deferredTask);
    const results = tasks.map((task) => pool.run(task.run));
    expect(tasks.filter((t) => t.started)).toHaveLength(6);
    expect([pool.active, pool.waiting]).toEqual([6, 4]);
    tasks[2]!.finish('two');
    await expect(results[2]).resolves.toBe('two');
    await tick();
    expect(tasks[6]!.started).toBe(true);
    expect(tasks[7]!.started).toBe(false);
  });

  it('aborting a waiting download removes it without using a slot', async () => {
    const pool = createDownloadPool(1);
    const first = deferredTask();
    const second = deferredTask();
    const third = deferredTask();
    void pool.run(first.run);
    const abort = new AbortController();
    const secondResult = pool.run(second.run, abort.signal);
    const thirdResult = pool.run(third.run);
    abort.abort();
    await expect(secondResult).rejects.toMatchObject({ name: 'AbortError' });
    first.finish('1');
    await tick();
    expect(second.started).toBe(false);
    expect(third.started).toBe(true);
    third.finish('3');
    await expect(thirdResult).resolves.toBe('3');
  });

  it('aborting a running download reaches its fetch through the signal', async () => {
    const pool = createDownloadPool(2);
    const task = deferredTask();
    const abort = new AbortController();
    const result = pool.run(task.run, abort.signal);
    abort.abort(new Error('stopped'));
    await expect(result).rejects.toThrow('stopped');
    expect(task.signal?.aborted).toBe(true);
    await tick();
    expect(pool.active).toBe(0);
  });

  it('Stop aborts everything, and the pool works again after', async () => {
    const pool = createDownloadPool(1);
    const running = deferredTask();
    const waiting = deferredTask();
    const results = [pool.run(running.run), pool.run(waiting.run)];
    pool.abortAll();
    await expect(Promise.allSettled(results)).resolves.toMatchObject([{ status: 'rejected' }, { status: 'rejected' }]);
    expect(waiting.started).toBe(false);
    await tick();
    await expect(pool.run(async () => 'again')).resolves.toBe('again');
  });

  it('a task that throws at once gives its slot back', async () => {
    const pool = createDownloadPool(1);
    await expect(
      pool.run(() => {
        throw new Error('bad url');
      }),
    ).rejects.toThrow('bad url');
    await expect(pool.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit below one', () => {
    expect(() => createDownloadPool(0)).toThrow(RangeError);
  });
});

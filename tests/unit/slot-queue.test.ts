import { describe, expect, it } from 'vitest';
import { SlotQueue } from '@/lib/jobs/slot-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SlotQueue', () => {
  it('never lets more than the limit through, and the rest go in order as slots free', async () => {
    const queue = new SlotQueue(2);
    const started: string[] = [];
    const releases = new Map<string, () => void>();
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      void queue.acquire({ id, order: 0 }).then((release) => {
        started.push(id);
        releases.set(id, release);
      });
    }
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(queue.active).toBe(2);
    releases.get('b')!();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    releases.get('a')!();
    releases.get('a')!(); // a second release of the same slot frees nothing more
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.active).toBe(2);
  });

  it('tells each waiter how many are ahead, and again when that changes', async () => {
    const queue = new SlotQueue(1);
    const told: Record<string, number[]> = { b: [], c: [] };
    const first = await queue.acquire({ id: 'a', order: 1 });
    void queue.acquire({ id: 'b', order: 2, onAhead: (n) => told.b!.push(n) });
    void queue.acquire({ id: 'c', order: 3, onAhead: (n) => told.c!.push(n) });
    expect(queue.ahead('c')).toBe(1);
    first();
    await tick();
    expect(told).toEqual({ b: [0], c: [1, 0] });
    expect(queue.ahead('b')).toBeUndefined();
  });

  it('orders waiters by their order key: a resumed line keeps the order of the clicks', async () => {
    const queue = new SlotQueue(1);
    const release = await queue.acquire({ id: 'running', order: 0 });
    const started: string[] = [];
    for (const [id, order] of [
      ['late', 30],
      ['early', 10],
      ['middle', 20],
    ] as const) {
      void queue.acquire({ id, order }).then((r) => {
        started.push(id);
        r();
      });
    }
    release();
    await tick();
    expect(started).toEqual(['early', 'middle', 'late']);
  });

  it('a cancelled waiter leaves the line without ever taking a slot', async () => {
    const queue = new SlotQueue(1);
    const release = await queue.acquire({ id: 'a', order: 0 });
    const cancel = new AbortController();
    const waiting = queue.acquire({ id: 'b', order: 1 }, cancel.signal);
    const told: number[] = [];
    const next = queue.acquire({ id: 'c', order: 2, onAhead: (n) => told.push(n) });
    cancel.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    expect(told).toEqual([1, 0]);
    release();
    await expect(next).resolves.toBeTypeOf('function');
    expect(queue.active).toBe(1);
  });

  it('raising the limit lets waiters through at once; lowering it lets running ones finish', async () => {
    const queue = new SlotQueue(1);
    const a = await queue.acquire({ id: 'a', order: 0 });
    let bStarted = false;
    void queue.acquire({ id: 'b', order: 1 }).then(() => (bStarted = true));
    expect(queue.full).toBe(true);
    queue.setLimit(2);
    await tick();
    expect(bStarted).toBe(true);
    queue.setLimit(1);
    let cStarted = false;
    void queue.acquire({ id: 'c', order: 2 }).then(() => (cStarted = true));
    a();
    await tick();
    expect(cStarted).toBe(false); // b still holds the only slot
  });
});

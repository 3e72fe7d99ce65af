/**
 * Images made ready before the user chose anything: a few, for a short time. A preparation in
 * progress is shared, so a click that comes half-way joins it instead of starting a second
 * download and decode (a 100 MP image must never be held twice).
 */
export interface PreparedCacheOptions {
  /** How long a prepared image waits for its click. */
  ttlMs: number;
  /** How many are kept; the oldest goes first. */
  maxCount: number;
  now?: () => number;
}

interface Entry<T> {
  result: Promise<T>;
  at: number;
  controller: AbortController;
  settled: boolean;
}

export class PreparedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;

  constructor(private readonly options: PreparedCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Starts preparing `key` unless it is ready or on its way; answers whether it started. */
  prepare(key: string, start: (signal: AbortSignal) => Promise<T>): boolean {
    this.dropExpired();
    if (this.entries.has(key)) return false;
    const controller = new AbortController();
    const entry: Entry<T> = { result: start(controller.signal), at: this.now(), controller, settled: false };
    entry.result.then(
      () => {
        entry.settled = true;
      },
      // A failed preparation is forgotten: the click takes the ordinary path, with its fallbacks.
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxCount) this.remove(this.entries.keys().next().value!);
    return true;
  }

  /** The prepared image (or its preparation) for `key`, if there is one. */
  get(key: string): Promise<T> | undefined {
    this.dropExpired();
    return this.entries.get(key)?.result;
  }

  /** Whether `key` is prepared and done (not on its way). */
  isReady(key: string): boolean {
    this.dropExpired();
    return this.entries.get(key)?.settled === true;
  }

  /**
   * Another image was right-clicked: the user left this menu without choosing, so preparations
   * still running for other images are not needed (one decode at a time, not a pile of them).
   */
  abortPendingExcept(key: string): void {
    for (const [other, entry] of [...this.entries]) if (other !== key && !entry.settled) this.remove(other);
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.remove(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (!entry.settled) entry.controller.abort();
  }

  private dropExpired(): void {
    const oldest = this.now() - this.options.ttlMs;
    for (const [key, entry] of [...this.entries]) if (entry.at < oldest) this.remove(key);
  }
}

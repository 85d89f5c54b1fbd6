// The embedded cache: an LRU map with per-entry TTL in this process (lru-cache), bounded in entries.
import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from '../clock.ts';
import type { Cache } from './cache.ts';

export class InProcessCache implements Cache {
  private readonly entries: LRUCache<string, string>;

  constructor(options: { maxEntries?: number; clock?: Clock } = {}) {
    const clock = options.clock ?? systemClock;
    this.entries = new LRUCache({
      max: options.maxEntries ?? 100_000,
      ttlAutopurge: false,
      ttlResolution: 0,
      perf: { now: clock },
    });
  }

  start = () => Promise.resolve();

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }

  get = (key: string) => Promise.resolve(this.entries.get(key));

  set(key: string, value: string, ttlMs: number): Promise<void> {
    this.entries.set(key, value, { ttl: ttlMs });
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }
}

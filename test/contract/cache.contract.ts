// The cache contract: what the user service relies on from a cache, run against every adapter.
import { afterEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../platform/cache/cache.ts';

export interface CacheHarness {
  open(): Promise<Cache>;
  /** A key no other test or run uses. */
  unique(name: string): string;
  /** Lets `ms` pass for the cache (a fake clock embedded, real time against a server). */
  elapse(ms: number): Promise<void>;
}

export function cacheContract(name: string, makeHarness: () => CacheHarness) {
  describe(`cache contract: ${name}`, () => {
    const h = makeHarness();
    const opened: Cache[] = [];
    const open = async () => {
      const cache = await h.open();
      opened.push(cache);
      return cache;
    };
    afterEach(async () => {
      for (const cache of opened.splice(0)) await cache.close();
    });

    it('misses a key never set and hits it after set, with the value unchanged', async () => {
      const cache = await open();
      const key = h.unique('hit');
      expect(await cache.get(key)).toBeUndefined();
      await cache.set(key, '{"name":"Ada Lovelace","city":"Zürich"}', 60_000);
      expect(await cache.get(key)).toBe('{"name":"Ada Lovelace","city":"Zürich"}');
    });

    it('replaces a value on set and forgets it on delete', async () => {
      const cache = await open();
      const key = h.unique('replace');
      await cache.set(key, 'first', 60_000);
      await cache.set(key, 'second', 60_000);
      expect(await cache.get(key)).toBe('second');
      await cache.delete(key);
      expect(await cache.get(key)).toBeUndefined();
      await cache.delete(key);
    });

    it('expires an entry after its time to live but not before', async () => {
      const cache = await open();
      const key = h.unique('ttl');
      await cache.set(key, 'short-lived', 300);
      expect(await cache.get(key)).toBe('short-lived');
      await h.elapse(400);
      expect(await cache.get(key)).toBeUndefined();
    });
  });
}

import { describe, expect, it } from 'vitest';
import { InProcessCache } from '../../../platform/cache/in-process-cache.ts';
import { fakeClock } from '../../../platform/clock.ts';
import { createMetrics } from '../../../platform/metrics.ts';
import type { User } from '../user.ts';
import { CachedUserStore } from './cached-user-store.ts';
import type { UserStore } from './user-store.ts';

/** A store that counts its reads, so a test can tell a cache hit from a trip to the database. */
function countingStore() {
  let user: User = {
    userId: 'u1',
    email: 'ada@example.com',
    name: 'Ada',
    addresses: [],
    defaultAddressId: null,
    createdAt: 1,
    updatedAt: 1,
  };
  const reads = { count: 0 };
  const store: UserStore = {
    start: () => Promise.resolve(),
    close: () => Promise.resolve(),
    get: (userId) => {
      reads.count++;
      return Promise.resolve(userId === user.userId ? structuredClone(user) : undefined);
    },
    create: () => Promise.resolve(),
    credentials: () => Promise.resolve(undefined),
    rename: (_userId, name, at) => {
      user = { ...user, name, updatedAt: at };
      return Promise.resolve(true);
    },
    addAddress: () => Promise.resolve(true),
    removeAddress: () => Promise.resolve(true),
    setDefaultAddress: () => Promise.resolve(true),
  };
  return { store, reads };
}

async function cachedStore() {
  const clock = fakeClock();
  const metrics = createMetrics(false);
  const { store, reads } = countingStore();
  const cached = new CachedUserStore(store, new InProcessCache({ clock }), metrics);
  await cached.start();
  const lookups = async (result: string) =>
    (await metrics.getSingleMetric('emporium_user_cache_lookups_total')!.get()).values.find(
      (v) => v.labels.result === result,
    )?.value ?? 0;
  return { cached, reads, clock, lookups };
}

describe('user cache', () => {
  it('reads the database on a miss, then answers from the cache', async () => {
    const { cached, reads, lookups } = await cachedStore();
    expect((await cached.get('u1'))?.name).toBe('Ada');
    expect((await cached.get('u1'))?.name).toBe('Ada');
    expect(reads.count).toBe(1);
    expect(await lookups('miss')).toBe(1);
    expect(await lookups('hit')).toBe(1);
  });

  it('drops the cached copy on an update, so the next read sees the change', async () => {
    const { cached, reads } = await cachedStore();
    await cached.get('u1');
    await cached.rename('u1', 'Ada King', 2);
    expect(await cached.get('u1')).toMatchObject({ name: 'Ada King', updatedAt: 2 });
    expect(reads.count).toBe(2);
  });

  it('reads the database again once the cached copy has expired', async () => {
    const { cached, reads, clock } = await cachedStore();
    await cached.get('u1');
    clock.advance(5 * 60_000 + 1);
    await cached.get('u1');
    expect(reads.count).toBe(2);
  });

  it('does not cache a user that does not exist', async () => {
    const { cached, reads } = await cachedStore();
    expect(await cached.get('nobody')).toBeUndefined();
    expect(await cached.get('nobody')).toBeUndefined();
    expect(reads.count).toBe(2);
  });
});

// Read-through cache in front of the user store: reads try the cache, a miss reads the store (its replica,
// if any) and fills the cache; every change goes to the store first and then drops the cached copy.
import type { Cache } from '../../../platform/cache/cache.ts';
import { Counter, type Registry } from '../../../platform/metrics.ts';
import type { Address, User } from '../user.ts';
import type { NewUser, UserStore } from './user-store.ts';

/**
 * Bounds how stale a copy can be when a fill races an update (a miss reads the replica just before the
 * update lands, and caches the old row after the update dropped it).
 */
const TTL_MS = 5 * 60_000;

export class CachedUserStore implements UserStore {
  private readonly lookups: Counter<'result'>;

  constructor(
    private readonly store: UserStore,
    private readonly cache: Cache,
    metrics: Registry,
  ) {
    this.lookups = new Counter({
      name: 'emporium_user_cache_lookups_total',
      help: 'User reads by cache result',
      labelNames: ['result'],
      registers: [metrics],
    });
  }

  async start(): Promise<void> {
    await this.cache.start();
    await this.store.start();
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.cache.close();
  }

  async get(userId: string): Promise<User | undefined> {
    const cached = await this.cache.get(userId);
    if (cached !== undefined) {
      this.lookups.inc({ result: 'hit' });
      return JSON.parse(cached) as User;
    }
    this.lookups.inc({ result: 'miss' });
    const user = await this.store.get(userId);
    if (user) await this.cache.set(userId, JSON.stringify(user), TTL_MS);
    return user;
  }

  create = (user: NewUser) => this.store.create(user);
  credentials = (email: string) => this.store.credentials(email);

  rename = (userId: string, name: string, at: number) => this.changed(userId, this.store.rename(userId, name, at));
  addAddress = (userId: string, address: Address, makeDefault: boolean, at: number) =>
    this.changed(userId, this.store.addAddress(userId, address, makeDefault, at));
  removeAddress = (userId: string, addressId: string, at: number) =>
    this.changed(userId, this.store.removeAddress(userId, addressId, at));
  setDefaultAddress = (userId: string, addressId: string, at: number) =>
    this.changed(userId, this.store.setDefaultAddress(userId, addressId, at));

  private async changed(userId: string, change: Promise<boolean>): Promise<boolean> {
    const done = await change;
    await this.cache.delete(userId);
    return done;
  }
}

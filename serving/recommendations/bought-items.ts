// A shopper's already-bought items for serving, read from their orders and kept briefly per shopper, so a
// page of requests (home, category, similar) reads the orders once.
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { alreadyBought, type PastOrder } from './bought.ts';

/** How long a shopper's bought items are reused: a purchase leaves their recommendations within this. */
export const BOUGHT_TTL_MS = 10_000;

export class BoughtItems {
  // In this process rather than the shop's cache port: a Redis round trip costs about what reading the
  // orders does, and the sets stay objects instead of being parsed per request.
  private readonly cache: LRUCache<string, ReadonlySet<string>>;

  constructor(
    private readonly deps: {
      /** The shopper's orders, live and archived. */
      ordersOf: (userId: string) => Promise<readonly PastOrder[]>;
      buysAgain: (category: string) => boolean;
      clock: Clock;
      logger: Logger;
      /** Shoppers kept at once, least recently asked for going first. */
      maxShoppers?: number;
    },
  ) {
    this.cache = new LRUCache({
      max: deps.maxShoppers ?? 20_000,
      ttl: BOUGHT_TTL_MS,
      ttlAutopurge: false,
      ttlResolution: 0,
      perf: { now: deps.clock },
    });
  }

  /**
   * The items not to offer the shopper again (alreadyBought), read at most BOUGHT_TTL_MS ago. When the
   * orders cannot be read, none: recommendations that may repeat a purchase beat none at all, and the
   * next request asks again.
   */
  async of(userId: string): Promise<ReadonlySet<string>> {
    const cached = this.cache.get(userId);
    if (cached) return cached;
    let orders: readonly PastOrder[];
    try {
      orders = await this.deps.ordersOf(userId);
    } catch (error) {
      this.deps.logger.warn(
        { err: error, userId },
        "shopper's orders unreadable; recommending without the bought filter",
      );
      return new Set();
    }
    const bought = alreadyBought(orders, this.deps.buysAgain);
    this.cache.set(userId, bought);
    return bought;
  }
}

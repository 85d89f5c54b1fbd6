// Publishes a simulated history through the bus, each event on its own topic with its past event time,
// as the shop would have published it: consumers (reports, the lake, training) cannot tell the difference.
import type { Events } from '../../../platform/events/events.ts';
import type { Progress } from '../../../platform/progress.ts';
import type { EventOf } from '../../../schemas/topics.ts';
import type { SupplierItem } from '../../../serving/catalog/supplier-item.ts';
import { simulateShop, type SimEvent, type SimulationOptions } from './shop-simulation.ts';

export interface HistorySummary {
  shoppers: number;
  days: number;
  events: number;
  byType: Record<SimEvent['type'], number>;
  from: number;
  to: number;
}

/** Events per publish: one embedded-bus transaction or one Kafka produce call of a few MB at most. */
const CHUNK = 5000;

export async function publishHistory(
  events: Events,
  items: readonly SupplierItem[],
  options: SimulationOptions,
  progress?: Progress,
  /** Stops after the day being published when aborted (a shop closing); the summary counts what went out. */
  signal?: AbortSignal,
): Promise<HistorySummary> {
  const byType: HistorySummary['byType'] = {
    SearchPerformed: 0,
    ProductViewed: 0,
    CartItemAdded: 0,
    WishlistItemAdded: 0,
    OrderPlaced: 0,
  };
  let total = 0;
  progress?.setTotal(options.days);
  for (const day of simulateShop(items, options)) {
    if (signal?.aborted) break;
    const topics = {
      'search.performed': [] as EventOf<'search.performed'>[],
      'product.viewed': [] as EventOf<'product.viewed'>[],
      cart: [] as EventOf<'cart'>[],
      wishlist: [] as EventOf<'wishlist'>[],
      orders: [] as EventOf<'orders'>[],
    };
    for (const e of day) {
      byType[e.type]++;
      if (e.type === 'SearchPerformed') topics['search.performed'].push(e);
      else if (e.type === 'ProductViewed') topics['product.viewed'].push(e);
      else if (e.type === 'CartItemAdded') topics.cart.push(e);
      else if (e.type === 'WishlistItemAdded') topics.wishlist.push(e);
      else topics.orders.push(e);
    }
    // Topics at once, each in order: a day's views on one topic keep their time order, as on a live shop.
    const send = async <T extends keyof typeof topics>(topic: T, list: EventOf<T>[]) => {
      for (let i = 0; i < list.length; i += CHUNK) await events.publish(topic, list.slice(i, i + CHUNK));
    };
    await Promise.all([
      send('search.performed', topics['search.performed']),
      send('product.viewed', topics['product.viewed']),
      send('cart', topics.cart),
      send('wishlist', topics.wishlist),
      send('orders', topics.orders),
    ]);
    total += day.length;
    progress?.increment(1, `${total.toLocaleString('en-US')} events`);
  }
  progress?.stop();
  const day = 86_400_000;
  return {
    shoppers: options.shoppers,
    days: options.days,
    events: total,
    byType,
    from: options.end - options.days * day,
    to: options.end,
  };
}

// Shoppers' events turned into weighted signals of intent: an order counts most, then a cart add, a
// wishlist add and a view; a search counts for the items the shopper viewed soon after it.
import type { TypedEvent } from '../../schemas/events.ts';

/** The events that carry intent, and the topics they come on. */
export type SignalEvent = TypedEvent<
  'OrderPlaced' | 'CartItemAdded' | 'WishlistItemAdded' | 'ProductViewed' | 'SearchPerformed'
>;
export const SIGNAL_TOPICS = ['orders', 'cart', 'wishlist', 'product.viewed', 'search.performed'] as const;
export const SIGNAL_TYPES = [
  'OrderPlaced',
  'CartItemAdded',
  'WishlistItemAdded',
  'ProductViewed',
  'SearchPerformed',
] as const satisfies readonly SignalEvent['type'][];

export interface SignalWeights {
  order: number;
  cart: number;
  wishlist: number;
  view: number;
  /** For each item viewed within `searchWindowMs` after a search by the same shopper. */
  search: number;
  searchWindowMs: number;
}

export const DEFAULT_SIGNAL_WEIGHTS: SignalWeights = {
  order: 10,
  cart: 4,
  wishlist: 3,
  view: 1,
  search: 2,
  searchWindowMs: 10 * 60_000,
};

/** A signal weighs half as much this many days before the newest one. */
export const DEFAULT_HALF_LIFE_DAYS = 30;

export interface Signal {
  userId: string;
  itemId: string;
  weight: number;
  /** occurredAt of the event, milliseconds since the epoch. */
  time: number;
  /** The item's category where the event names it (SearchPerformed does not). */
  category: string | null;
}

/**
 * One signal per order line, cart add, wishlist add and view, and one per (search, item viewed after
 * it) pair: a search followed by three views of one item counts once for it. Events without a shopper
 * (visitors' views and searches) give none. Events may come in any order.
 */
export function signalsFromEvents(
  events: Iterable<SignalEvent>,
  weights: SignalWeights = DEFAULT_SIGNAL_WEIGHTS,
): Signal[] {
  const signals: Signal[] = [];
  const searches = new Map<string, number[]>();
  const views: { userId: string; itemId: string; time: number; category: string }[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'OrderPlaced':
        for (const line of e.lines)
          signals.push({
            userId: e.userId,
            itemId: line.itemId,
            weight: weights.order,
            time: e.occurredAt,
            category: line.category,
          });
        break;
      case 'CartItemAdded':
        signals.push({
          userId: e.userId,
          itemId: e.itemId,
          weight: weights.cart,
          time: e.occurredAt,
          category: e.category,
        });
        break;
      case 'WishlistItemAdded':
        signals.push({
          userId: e.userId,
          itemId: e.itemId,
          weight: weights.wishlist,
          time: e.occurredAt,
          category: e.category,
        });
        break;
      case 'ProductViewed':
        if (e.userId === null) break;
        signals.push({
          userId: e.userId,
          itemId: e.itemId,
          weight: weights.view,
          time: e.occurredAt,
          category: e.category,
        });
        views.push({ userId: e.userId, itemId: e.itemId, time: e.occurredAt, category: e.category });
        break;
      case 'SearchPerformed': {
        if (e.userId === null) break;
        let times = searches.get(e.userId);
        if (!times) searches.set(e.userId, (times = []));
        times.push(e.occurredAt);
        break;
      }
    }
  }
  for (const times of searches.values()) times.sort((a, b) => a - b);
  // Each view is credited to the shopper's latest search before it, if that is recent enough.
  const credited = new Set<string>();
  for (const v of views) {
    const times = searches.get(v.userId);
    if (!times) continue;
    const search = latestAtOrBefore(times, v.time);
    if (search === undefined || v.time - search > weights.searchWindowMs) continue;
    const key = `${v.userId}\u0000${search}\u0000${v.itemId}`;
    if (credited.has(key)) continue;
    credited.add(key);
    signals.push({ userId: v.userId, itemId: v.itemId, weight: weights.search, time: search, category: v.category });
  }
  return signals;
}

function latestAtOrBefore(sorted: number[], time: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}

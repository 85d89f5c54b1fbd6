// What the live reports count, read off the shop's events: at most one fact per event, in the reports' own terms.
import type { EventOf } from '../../schemas/topics.ts';
import type { RankedMetric } from '../../serving/reports/item-metrics.ts';

export { ITEM_METRICS, type ItemMetric, type RankedMetric } from '../../serving/reports/item-metrics.ts';

/** An amount added to one key (an item, a query) in one category (null when the event names none). */
export interface CountFact {
  kind: 'count';
  id: string;
  time: number;
  metric: Exclude<RankedMetric, 'bought'>;
  key: string;
  category: string | null;
  amount: number;
}

export interface PlacedLine {
  itemId: string;
  category: string;
  quantity: number;
  unitPriceMinor: number;
}

/** An order's revenue in one category; each share also counts the order once in its category. */
export interface CategoryShare {
  category: string;
  revenueMinor: number;
}

/**
 * An order placed: its lines count as units bought, and each revenue share as the category's revenue and
 * one order, until it is retracted. Read off an event the two cover the whole order; the re-key stage
 * (`rekey.ts`) splits them, lines by item and shares by category, so each lands where its key is counted.
 */
export interface PlacedFact {
  kind: 'placed';
  id: string;
  time: number;
  orderId: string;
  lines: PlacedLine[];
  revenue: CategoryShare[];
}

/**
 * An order leaving the counts. A cancellation undoes a placement seen before it (an order cancelled on
 * expiry and placed again by a late payment counts again); a refund means the order's money went back,
 * so it never counts, whichever of the two is read first.
 */
export interface RetractedFact {
  kind: 'retracted';
  id: string;
  time: number;
  orderId: string;
  refund: boolean;
}

export type Fact = CountFact | PlacedFact | RetractedFact;

/** The topics whose events the reports read. */
export const REPORTED_TOPICS = [
  'product.viewed',
  'cart',
  'wishlist',
  'search.performed',
  'orders',
  'payments',
] as const;
export type ReportedTopic = (typeof REPORTED_TOPICS)[number];
export type ReportedEvent = EventOf<ReportedTopic>;

/** The fact an event stands for, or undefined for events the reports do not count (an order shipped). */
export function factOf(event: ReportedEvent): Fact | undefined {
  const { eventId: id, occurredAt: time } = event;
  switch (event.type) {
    case 'ProductViewed':
      return count(id, time, 'viewed', event.itemId, event.category, 1);
    case 'CartItemAdded':
      return count(id, time, 'carted', event.itemId, event.category, event.quantity);
    case 'WishlistItemAdded':
      return count(id, time, 'wishlisted', event.itemId, event.category, 1);
    case 'WishlistItemRemoved':
      return count(id, time, 'wishlisted', event.itemId, event.category ?? null, -1);
    case 'SearchPerformed': {
      const query = normalizedQuery(event.query);
      return query ? count(id, time, 'searched', query, event.filters.category ?? null, 1) : undefined;
    }
    case 'OrderPlaced':
      return placedFact(
        id,
        time,
        event.orderId,
        event.lines.map(({ itemId, category, quantity, unitPriceMinor }) => ({
          itemId,
          category,
          quantity,
          unitPriceMinor,
        })),
      );
    case 'OrderCancelled':
      return { kind: 'retracted', id, time, orderId: event.orderId, refund: false };
    case 'PaymentRefunded':
      return { kind: 'retracted', id, time, orderId: event.orderId, refund: true };
    default:
      return undefined;
  }
}

// At module level rather than a closure per event: one fact per event is the reports' hot path.
function count(
  id: string,
  time: number,
  metric: CountFact['metric'],
  key: string,
  category: string | null,
  amount: number,
): CountFact {
  return { kind: 'count', id, time, metric, key, category, amount };
}

/** A whole order's fact: its lines, and its revenue per category summed from them (in the lines' order). */
export function placedFact(id: string, time: number, orderId: string, lines: PlacedLine[]): PlacedFact {
  const revenue = new Map<string, number>();
  for (const line of lines)
    revenue.set(line.category, (revenue.get(line.category) ?? 0) + line.quantity * line.unitPriceMinor);
  return {
    kind: 'placed',
    id,
    time,
    orderId,
    lines,
    revenue: [...revenue].map(([category, revenueMinor]) => ({ category, revenueMinor })),
  };
}

/** Queries counted alike whatever their case and spacing ("Samsung  TV" and "samsung tv"). */
export function normalizedQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, ' ');
}

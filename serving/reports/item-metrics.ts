// What the live reports rank: the names a report's lists carry, shared by the aggregator and the API.

/** Items ranked per window: units bought, net wishlist adds, units added to carts, product views. */
export const ITEM_METRICS = ['bought', 'wishlisted', 'carted', 'viewed'] as const;
export type ItemMetric = (typeof ITEM_METRICS)[number];
/** Every ranked list: the item metrics and search queries. */
export type RankedMetric = ItemMetric | 'searched';

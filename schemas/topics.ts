// The topic table: every topic, what its key is, how many partitions it has and which event records it carries.
import type { EventType, TypedEvent } from './events.ts';

export interface TopicSpec {
  /** The event field used as the message key; all events of one key land on one partition, in order. */
  key: string;
  partitions: number;
  /** Record names carried; a topic carries several when their order per key matters (an order's lifecycle). */
  events: readonly EventType[];
}

export const TOPICS = {
  /** Supplier records accepted by ingest; the catalog consumes them. */
  'supplier.items': { key: 'itemId', partitions: 6, events: ['ItemUpserted', 'ItemDeleted'] },
  /** Supplier records that failed validation, with the reasons. */
  'supplier.items.dead-letter': { key: 'source', partitions: 1, events: ['ItemRejected'] },
  /** Every change the catalog applied; the search indexer and the lake consume them. */
  'catalog.items': { key: 'itemId', partitions: 6, events: ['ItemUpserted', 'ItemDeleted'] },
  'inventory.stock': { key: 'itemId', partitions: 6, events: ['StockChanged'] },
  'search.performed': { key: 'query', partitions: 6, events: ['SearchPerformed'] },
  'product.viewed': { key: 'itemId', partitions: 6, events: ['ProductViewed'] },
  cart: { key: 'userId', partitions: 6, events: ['CartItemAdded', 'CartItemRemoved'] },
  wishlist: { key: 'userId', partitions: 6, events: ['WishlistItemAdded', 'WishlistItemRemoved'] },
  orders: {
    key: 'orderId',
    partitions: 6,
    events: [
      'OrderCreated',
      'OrderPlaced',
      'OrderCancelled',
      'OrderPacked',
      'OrderShipped',
      'OrderDelivered',
      'OrderReturnRequested',
      'OrderReturned',
    ],
  },
  payments: { key: 'orderId', partitions: 6, events: ['PaymentSucceeded', 'PaymentFailed', 'PaymentRefunded'] },
  notifications: { key: 'userId', partitions: 3, events: ['NotificationRequested'] },
  /** Live report snapshots, keyed by the aggregator that made each; one partition keeps them in one order. */
  reports: { key: 'memberId', partitions: 1, events: ['ReportSnapshot'] },
  /**
   * The live reports' facts re-keyed for shared counting (stream/reports/rekey.ts): every key's whole
   * count on one partition, so each member of the reports owns the keys of its partitions.
   */
  'reports.facts': { key: 'route', partitions: 6, events: ['ReportFact'] },
} as const satisfies Record<string, TopicSpec>;

export type TopicName = keyof typeof TOPICS;

/** The events a topic may carry. */
export type EventOf<T extends TopicName> = TypedEvent<(typeof TOPICS)[T]['events'][number]>;

/** The message key of an event on its topic (the value of the topic's key field). */
export function keyOf<T extends TopicName>(topic: T, event: EventOf<T>): string {
  const value = (event as unknown as Record<string, string | null | undefined>)[TOPICS[topic].key];
  return value ?? '';
}

// TypeScript shapes of the Avro event records in this folder; schemas/events.test.ts keeps the two in step.

/** Fields every event carries. occurredAt is milliseconds since the epoch. */
export interface EventBase {
  eventId: string;
  occurredAt: number;
}

export interface OrderLine {
  itemId: string;
  quantity: number;
  /** Price of one unit in minor units. */
  unitPriceMinor: number;
  category: string;
  warehouseId: string | null;
}

/** One sliding window of a live report (stream/reports/report.ts documents each field). */
export interface ReportWindowRecord {
  minutes: number;
  start: number;
  end: number;
  late: number;
  dropped: number;
  lists: { metric: string; category: string | null; entries: { key: string; count: number }[] }[];
  revenue: { category: string; revenueMinor: number; orders: number }[];
}

/** Every event record, by its Avro record name. Money is always integer minor units. */
export interface EventMap {
  ItemUpserted: EventBase & {
    itemId: string;
    name: string;
    description: string;
    brand: string;
    category: string;
    priceMinor: number;
    currency: string;
    itemClass: string;
    attributes: Record<string, string>;
    supplierId: string;
    imageUrl: string | null;
  };
  ItemDeleted: EventBase & { itemId: string; supplierId: string | null };
  ItemRejected: EventBase & {
    source: string;
    location: string;
    raw: string;
    reasons: { field: string; message: string }[];
  };
  StockChanged: EventBase & { itemId: string; warehouseId: string; available: number; delta: number; reason: string };
  SearchPerformed: EventBase & {
    userId: string | null;
    query: string;
    pincode: string | null;
    filters: Record<string, string>;
    resultIds: string[];
    total: number;
  };
  ProductViewed: EventBase & { userId: string | null; itemId: string; category: string };
  CartItemAdded: EventBase & {
    userId: string;
    itemId: string;
    quantity: number;
    unitPriceMinor: number;
    category: string;
  };
  CartItemRemoved: EventBase & { userId: string; itemId: string; quantity: number };
  WishlistItemAdded: EventBase & { userId: string; itemId: string; category: string };
  WishlistItemRemoved: EventBase & { userId: string; itemId: string; category: string | null };
  OrderCreated: EventBase & {
    orderId: string;
    userId: string;
    lines: OrderLine[];
    totalMinor: number;
    currency: string;
    pincode: string;
    expiresAt: number;
  };
  OrderPlaced: EventBase & {
    orderId: string;
    userId: string;
    lines: OrderLine[];
    totalMinor: number;
    currency: string;
    paymentId: string;
  };
  OrderCancelled: EventBase & { orderId: string; userId: string; reason: string };
  OrderPacked: EventBase & { orderId: string; userId: string };
  OrderShipped: EventBase & { orderId: string; userId: string; trackingId: string | null; carrier: string | null };
  OrderDelivered: EventBase & { orderId: string; userId: string };
  OrderReturnRequested: EventBase & { orderId: string; userId: string };
  OrderReturned: EventBase & { orderId: string; userId: string };
  PaymentSucceeded: EventBase & { paymentId: string; orderId: string; amountMinor: number; currency: string };
  PaymentFailed: EventBase & { paymentId: string; orderId: string; reason: string };
  PaymentRefunded: EventBase & {
    paymentId: string;
    orderId: string;
    amountMinor: number;
    currency: string;
    reason: string;
  };
  NotificationRequested: EventBase & {
    userId: string;
    channel: 'email' | 'sms';
    template: string;
    params: Record<string, string>;
  };
  ReportSnapshot: EventBase & {
    memberId: string;
    sequence: number;
    partitions: number[];
    partitionCount: number;
    watermark: number | null;
    windows: ReportWindowRecord[];
    totals: { counted: number; late: number; dropped: number; duplicates: number };
  };
  ReportFact: EventBase & {
    route: string;
    origin: string;
    kind: 'count' | 'placed' | 'retracted';
    metric: string | null;
    key: string | null;
    category: string | null;
    amount: number;
    orderId: string | null;
    refund: boolean;
    lines: { itemId: string; category: string; quantity: number; unitPriceMinor: number }[];
    revenue: { category: string; revenueMinor: number }[];
    /** counted | late | dropped | duplicate (a fact's lead part) | part; null when unjudged. */
    judged: string | null;
  };
}

export type EventType = keyof EventMap;

/** An event tagged with its record name, as publishers hand it in and consumers receive it. */
export type TypedEvent<K extends EventType = EventType> = { [T in K]: { type: T } & EventMap[T] }[K];

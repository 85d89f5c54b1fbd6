// An order as the shop sees it: its lines at the prices the shopper agreed to, and where it is in its life.

/**
 * CREATED until paid (or expired); PLACED once paid and its stock held; the rest follow fulfilment
 * (lifecycle/transitions.ts is the table of who may move an order from where to where).
 */
export const ORDER_STATUSES = [
  'CREATED',
  'PLACED',
  'CANCELLED',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
  'RETURN_REQUESTED',
  'RETURNED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** out_of_stock is found only on orders from before a checkout created its order and held its stock in one transaction. */
/** customer, staff and seller are people cancelling through the lifecycle; the rest are the checkout's own. */
export type CancelReason =
  'payment_failed' | 'expired' | 'out_of_stock' | 'customer' | 'staff' | 'seller' | 'checkout_failed';

export interface OrderLine {
  itemId: string;
  category: string;
  quantity: number;
  unitPriceMinor: number;
  /** The warehouse the line's stock is held in; null until reserved. */
  warehouseId: string | null;
  /** The supplier who sold it, as the catalog said at checkout; null on orders from before lines kept it. */
  sellerId: string | null;
}

export interface Order {
  orderId: string;
  userId: string;
  /** The shopper's idempotency key: a retried checkout with the same key answers this order. */
  clientKey: string;
  status: OrderStatus;
  pincode: string;
  lines: OrderLine[];
  totalMinor: number;
  currency: string;
  paymentId: string | null;
  cancelReason: CancelReason | null;
  /** Who carries it and its tracking number, once SHIPPED; null before. */
  carrier: string | null;
  trackingId: string | null;
  /** When it was DELIVERED (the return window starts there); null before. */
  deliveredAt: number | null;
  /** Until then an unpaid order holds its stock; after it the order is cancelled and the stock released. */
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

export type NewOrder = Omit<
  Order,
  'status' | 'paymentId' | 'cancelReason' | 'updatedAt' | 'carrier' | 'trackingId' | 'deliveredAt'
>;

export const orderTotal = (lines: Pick<OrderLine, 'quantity' | 'unitPriceMinor'>[]) =>
  lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);

/** The suppliers whose items the order holds: its sellers, each once. */
export const sellersOf = (order: Pick<Order, 'lines'>): string[] => [
  ...new Set(order.lines.flatMap((l) => (l.sellerId ? [l.sellerId] : []))),
];

/** What nothing will change any more: such orders may leave for the archive. */
export const FINISHED_STATUSES: readonly OrderStatus[] = ['DELIVERED', 'CANCELLED', 'RETURNED'];

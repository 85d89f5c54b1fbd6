// What a list of orders asks for: whose orders (a shopper's, or a seller's), one page after a position,
// optionally in one status. The live store and the archive answer the same question.
import type { OrderPosition } from './order-pages.ts';
import type { OrderStatus } from './order.ts';

/** A shopper's orders, or a seller's: the orders holding any of its items. */
export type OrdersOf = { userId: string } | { sellerId: string };

export interface OrderPageQuery {
  /** At most this many, newest first (then by order id). */
  limit: number;
  /** Only orders after this position. */
  after?: OrderPosition;
  /** Only orders in this status. */
  status?: OrderStatus;
}

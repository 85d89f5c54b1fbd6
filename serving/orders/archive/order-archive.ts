// The order archive port: finished orders (delivered, cancelled or returned) leave the live orders
// database for cheap storage kept the way it is read (by id, by shopper, by seller); the orders API
// merges both.
import type { Lifecycle } from '../../../platform/lifecycle.ts';
import type { OrderPageQuery, OrdersOf } from '../order-query.ts';
import type { Order } from '../order.ts';

export interface OrderArchive extends Lifecycle {
  /** Keeps the orders; archiving one twice keeps one copy (the later write). */
  put(orders: Order[]): Promise<void>;
  /** A page of the shopper's or the seller's archived orders, newest first (then by order id). */
  list(of: OrdersOf, query: OrderPageQuery): Promise<Order[]>;
  /** Undefined when no such order is archived. */
  get(orderId: string): Promise<Order | undefined>;
}

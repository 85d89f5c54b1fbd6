// The order archive port: finished orders (delivered or cancelled) leave the live orders database for
// cheap, per-shopper storage; the orders API merges both.
import type { Lifecycle } from '../../../platform/lifecycle.ts';
import type { Order } from '../order.ts';

export interface OrderArchive extends Lifecycle {
  /** Keeps the orders; archiving one twice keeps one copy (the later write). */
  put(orders: Order[]): Promise<void>;
  /** The shopper's archived orders, newest first, at most `limit`. */
  list(userId: string, limit: number): Promise<Order[]>;
  /** Undefined when the shopper has no such archived order. */
  get(userId: string, orderId: string): Promise<Order | undefined>;
}

// Paging a shopper's orders, live and archived alike: one order of positions, an opaque cursor, one merge.
import { invalid } from '../../platform/errors.ts';
import type { OrderPageQuery, OrdersOf } from './order-query.ts';
import { FINISHED_STATUSES, type Order, type OrderStatus } from './order.ts';

/** What answers a list of orders: the live store, or the archive. */
export interface OrderLister {
  list(of: OrdersOf, query: OrderPageQuery): Promise<Order[]>;
}

/**
 * Where an order stands in a shopper's list: newest first, then by order id. Both stores sort by it
 * (the Cassandra archive's clustering order is the same), and neither field changes when an order is
 * archived, so an order keeps its place while it moves.
 */
export interface OrderPosition {
  createdAt: number;
  orderId: string;
}

/** True when `order` comes after `position` in the list (older, or as old with a larger id). */
export function isAfter(order: OrderPosition, position: OrderPosition): boolean {
  return (
    order.createdAt < position.createdAt || (order.createdAt === position.createdAt && order.orderId > position.orderId)
  );
}

export function compareOrders(a: OrderPosition, b: OrderPosition): number {
  return b.createdAt - a.createdAt || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);
}

/**
 * One page from the live and the archived orders after `after`, each asked for `limit + 1` (one more
 * tells whether another page follows). An order copied to the archive but not yet deleted from the live
 * database is in both and shows once. `next` is the cursor of the page's last order, null on the last page.
 */
export function mergePage(live: Order[], archived: Order[], limit: number): { orders: Order[]; next: string | null } {
  const seen = new Set(live.map((o) => o.orderId));
  const merged = [...live, ...archived.filter((o) => !seen.has(o.orderId))].sort(compareOrders);
  const orders = merged.slice(0, limit);
  const last = orders[orders.length - 1];
  return { orders, next: merged.length > limit && last ? encodeCursor(last) : null };
}

/**
 * One page of a shopper's (or a seller's) live and archived orders, newest first, after the order
 * `cursor` names (from the start without one), in one status if given. Paging through shows every order
 * that existed when paging began exactly once, even as orders are archived meanwhile.
 */
export async function pageOrders(
  from: { live: OrderLister; archive: OrderLister },
  of: OrdersOf,
  page: { limit: number; cursor?: string | undefined; status?: OrderStatus | undefined },
): Promise<{ orders: Order[]; next: string | null }> {
  const { limit, cursor, status } = page;
  const query = {
    limit: limit + 1,
    ...(cursor === undefined ? {} : { after: decodeCursor(cursor) }),
    ...(status === undefined ? {} : { status }),
  };
  // Live first, then the archive, never both at once: archiving copies an order before deleting it, so an
  // order the live read missed because it was just archived is already there for the archive read.
  const live = await from.live.list(of, query);
  // Only finished orders are ever archived: a page of live statuses need not ask the archive.
  const archived = status === undefined || FINISHED_STATUSES.includes(status) ? await from.archive.list(of, query) : [];
  return mergePage(live, archived, limit);
}

const CURSOR = /^(\d{1,16})\.([A-Za-z0-9][A-Za-z0-9._-]{0,63})$/;

/** The cursor a client hands back: the last order's position, base64url, so clients do not build one. */
export function encodeCursor(position: OrderPosition): string {
  return Buffer.from(`${position.createdAt}.${position.orderId}`).toString('base64url');
}

/** The position a cursor names; anything this shop did not hand out is a 400 naming `cursor`. */
export function decodeCursor(cursor: string): OrderPosition {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || encodeCursor({ createdAt: Number(match[1]), orderId: match[2]! }) !== cursor)
    throw invalid('cursor', 'is not a cursor this shop handed out; start again without one');
  return { createdAt: Number(match[1]), orderId: match[2]! };
}

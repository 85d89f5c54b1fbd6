// The live store's order lists: a shopper's by their index, a seller's through order_sellers (one row per
// seller of an order, written in the order's own transaction), both newest first with an optional status.
import type { Kysely, Transaction } from 'kysely';
import { sellersOf, type Order } from '../order.ts';
import type { OrderPageQuery, OrdersOf } from '../order-query.ts';
import type { OrdersDb, OrdersTable } from './sql-order-store.ts';

export interface OrderSellersTable {
  seller_id: string;
  order_id: string;
  created_at: number;
}

/** Records the order's sellers; in the transaction that creates it. */
export async function recordSellers(tx: Transaction<OrdersDb>, order: Order): Promise<void> {
  const rows = sellersOf(order).map((seller_id) => ({
    seller_id,
    order_id: order.orderId,
    created_at: order.createdAt,
  }));
  if (rows.length > 0) await tx.insertInto('order_sellers').values(rows).execute();
}

export function listOrderRows(db: Kysely<OrdersDb>, of: OrdersOf, query: OrderPageQuery): Promise<OrdersTable[]> {
  const { after, status, limit } = query;
  // Position columns are the list's own: the seller index carries the order's created_at beside its id.
  const [created, id] = 'userId' in of ? ['o.created_at', 'o.order_id'] : ['s.created_at', 's.order_id'];
  const base =
    'userId' in of
      ? db.selectFrom('orders as o').where('o.user_id', '=', of.userId)
      : db
          .selectFrom('order_sellers as s')
          .innerJoin('orders as o', 'o.order_id', 's.order_id')
          .where('s.seller_id', '=', of.sellerId);
  return (
    base
      .selectAll('o')
      .$if(status !== undefined, (q) => q.where('o.status', '=', status!))
      // The bound on created_at alone lets the index start at the cursor rather than filter up to it.
      .$if(after !== undefined, (q) =>
        q
          .where(created as 'o.created_at', '<=', after!.createdAt)
          .where((eb) =>
            eb.or([eb(created as 'o.created_at', '<', after!.createdAt), eb(id as 'o.order_id', '>', after!.orderId)]),
          ),
      )
      .orderBy(created as 'o.created_at', 'desc')
      .orderBy(id as 'o.order_id')
      .limit(limit)
      .execute()
  );
}

// A shopper's orders for other contexts to read (recommendations drop what was bought): live and archived
// together, through the order service's merged pages, newest first.
import type { Order } from '../serving/orders/order.ts';
import type { OrderService } from '../serving/orders/order-service.ts';

const PAGE = 100;
/** Pages read at most: purchases older than the newest PAGE × MAX_PAGES orders are not looked at. */
const MAX_PAGES = 10;

export async function shopperOrders(orders: Pick<OrderService, 'list'>, userId: string): Promise<Order[]> {
  const all: Order[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { orders: found, next } = await orders.list({ userId }, PAGE, cursor);
    all.push(...found);
    if (next === null) break;
    cursor = next;
  }
  return all;
}

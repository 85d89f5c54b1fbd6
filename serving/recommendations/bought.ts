// What a shopper already bought and should not be offered again: pure, from their orders as the orders
// context answers them, keeping items of categories people buy again (bread, milk).

/** An order as far as this needs it (serving/orders/order.ts has the whole). */
export interface PastOrder {
  status: string;
  lines: readonly { itemId: string; category: string }[];
}

/**
 * Unpaid (CREATED) and cancelled orders bought nothing; a returned item was had and sent back, which is
 * no reason to offer it again either.
 */
const NOT_BOUGHT: ReadonlySet<string> = new Set(['CREATED', 'CANCELLED']);

/** The items of the shopper's bought orders, except those in a category `buysAgain` keeps. */
export function alreadyBought(orders: readonly PastOrder[], buysAgain: (category: string) => boolean): Set<string> {
  const bought = new Set<string>();
  for (const order of orders) {
    if (NOT_BOUGHT.has(order.status)) continue;
    for (const line of order.lines) if (!buysAgain(line.category)) bought.add(line.itemId);
  }
  return bought;
}

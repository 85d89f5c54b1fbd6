// Step 2: hold every line's stock in the fastest warehouse that has it, or none at all. Undone by
// giving the stock back; the loser of a race is told which item ran out.
import { DomainError } from '../../../../platform/errors.ts';
import { step } from '../../../../platform/saga/saga.ts';
import type { OrderStore } from '../../store/order-store.ts';
import type { CheckoutContext } from '../checkout-context.ts';

export const reserveStock = (orders: OrderStore) =>
  step<CheckoutContext, { orderId: string }>(
    'reserve-stock',
    async (context) => {
      const { orderId, lines, pincode } = context.order!;
      const outcome = await orders.reserve(
        orderId,
        lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity, warehouseIds: context.warehouses.get(l.itemId) ?? [] })),
      );
      if (!outcome.ok) {
        context.cancelReason = 'out_of_stock';
        const at = lines.findIndex((l) => l.itemId === outcome.itemId);
        throw new DomainError('out_of_stock', `lines[${at}].itemId`, `${outcome.itemId} is out of stock in every warehouse that delivers to ${pincode}`);
      }
      context.order = outcome.order;
      return { orderId };
    },
    async ({ orderId }) => {
      await orders.release(orderId);
    },
  );

// Step 1: the order row, CREATED with its expiry and every line's stock held, in one transaction: all
// lines or no order at all, and the loser of a race is told which item ran out. Undone by cancelling
// the order, which gives its stock back.
import { DomainError } from '../../../../platform/errors.ts';
import { step } from '../../../../platform/saga/saga.ts';
import type { OrderStore } from '../../store/order-store.ts';
import { AlreadyCheckedOut, type CheckoutContext } from '../checkout-context.ts';

export const createOrder = (orders: OrderStore) =>
  step<CheckoutContext, { orderId: string }>(
    'create-order',
    async (context) => {
      const { newOrder } = context;
      const outcome = await orders.create(newOrder, context.warehouses);
      if (outcome.kind === 'existing') throw new AlreadyCheckedOut(outcome.order);
      if (outcome.kind === 'out_of_stock') {
        const at = newOrder.lines.findIndex((l) => l.itemId === outcome.itemId);
        throw new DomainError(
          'out_of_stock',
          `lines[${at}].itemId`,
          `${outcome.itemId} is out of stock in every warehouse that delivers to ${newOrder.pincode}`,
        );
      }
      context.order = outcome.order;
      return { orderId: outcome.order.orderId };
    },
    async ({ orderId }, context) => {
      await orders.cancel(orderId, context.cancelReason ?? 'checkout_failed');
    },
  );

// Step 1: the order row, CREATED with its expiry. Undone by cancelling it (stock is the next step's to give back).
import { step } from '../../../../platform/saga/saga.ts';
import type { OrderStore } from '../../store/order-store.ts';
import { AlreadyCheckedOut, type CheckoutContext } from '../checkout-context.ts';

export const createOrder = (orders: OrderStore) =>
  step<CheckoutContext, { orderId: string }>(
    'create-order',
    async (context) => {
      const { order, created } = await orders.create(context.newOrder);
      if (!created) throw new AlreadyCheckedOut(order);
      context.order = order;
      return { orderId: order.orderId };
    },
    async ({ orderId }, context) => {
      await orders.cancel(orderId, context.cancelReason ?? 'checkout_failed');
    },
  );

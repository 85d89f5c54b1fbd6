// Step 4: a captured payment places the order, and its expiry is disarmed. Last, so it has nothing to
// undo; a payment that can no longer place its order (it expired and the stock is gone) is marked for
// refund by the store.
import { step } from '../../../../platform/saga/saga.ts';
import type { OrderExpiry } from '../../order-expiry.ts';
import type { OrderStore } from '../../store/order-store.ts';
import type { CheckoutContext } from '../checkout-context.ts';

export const placeOrder = (orders: OrderStore, expiry: OrderExpiry) =>
  step<CheckoutContext, undefined>(
    'place-order',
    async (context) => {
      const charge = context.charge!;
      if (charge.status !== 'succeeded') return undefined;
      context.order = (
        await orders.paymentSucceeded(context.order!.orderId, charge.paymentId, charge.amountMinor)
      ).order;
      await expiry.settled(context.order);
      return undefined;
    },
    () => Promise.resolve(),
  );

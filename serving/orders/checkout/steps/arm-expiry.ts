// Step 2: the trigger that cancels the order if no payment comes. Undone by disarming it.
import { step } from '../../../../platform/saga/saga.ts';
import type { OrderExpiry } from '../../order-expiry.ts';
import type { CheckoutContext } from '../checkout-context.ts';

export const armExpiry = (expiry: OrderExpiry) =>
  step<CheckoutContext, { orderId: string }>(
    'arm-expiry',
    async (context) => {
      const { orderId, expiresAt } = context.order!;
      await expiry.arm(orderId, expiresAt);
      return { orderId };
    },
    async ({ orderId }) => {
      await expiry.disarm(orderId);
    },
  );

// Step 3: ask the gateway for the money. Declined: the order is cancelled with its stock released and
// the shopper told. No answer: the order waits for a callback or its expiry. Undone by a refund, unless
// the order was placed with this very payment (a step after it failed only in reporting).
import { DomainError } from '../../../../platform/errors.ts';
import { step } from '../../../../platform/saga/saga.ts';
import type { PaymentGateway } from '../../payments/payment-gateway.ts';
import type { OrderStore } from '../../store/order-store.ts';
import type { CheckoutContext } from '../checkout-context.ts';

export const takePayment = (gateway: PaymentGateway, orders: OrderStore) =>
  step<CheckoutContext, { orderId: string; paymentId: string; amountMinor: number } | undefined>(
    'take-payment',
    async (context) => {
      const { orderId, totalMinor, currency } = context.order!;
      const charge = await gateway.charge({
        orderId,
        amountMinor: totalMinor,
        currency,
        method: context.paymentMethod,
      });
      context.charge = charge;
      if (charge.status === 'failed') {
        await orders.paymentFailed(orderId, charge.paymentId, charge.reason);
        context.cancelReason = 'payment_failed';
        throw new DomainError('payment_declined', 'payment.method', `the payment was declined: ${charge.reason}`);
      }
      return charge.status === 'succeeded'
        ? { orderId, paymentId: charge.paymentId, amountMinor: charge.amountMinor }
        : undefined;
    },
    async (captured) => {
      if (!captured) return;
      const order = await orders.get(captured.orderId);
      if (order?.paymentId === captured.paymentId) return;
      await gateway.refund(captured.paymentId, captured.amountMinor);
    },
  );

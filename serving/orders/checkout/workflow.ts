// The checkout, as steps with compensation: create the order with its stock held, arm its expiry, take
// the payment, place it. A failing step undoes the ones before it, last first.
import type { Logger } from '../../../platform/logger.ts';
import { runSaga, type Step } from '../../../platform/saga/saga.ts';
import type { OrderExpiry } from '../order-expiry.ts';
import type { PaymentGateway } from '../payments/payment-gateway.ts';
import type { OrderStore } from '../store/order-store.ts';
import type { CheckoutContext } from './checkout-context.ts';
import { armExpiry } from './steps/arm-expiry.ts';
import { createOrder } from './steps/create-order.ts';
import { placeOrder } from './steps/place-order.ts';
import { takePayment } from './steps/take-payment.ts';

export interface CheckoutDeps {
  orders: OrderStore;
  expiry: OrderExpiry;
  gateway: PaymentGateway;
}

export function checkoutSteps(deps: CheckoutDeps): Step<CheckoutContext>[] {
  return [
    createOrder(deps.orders),
    armExpiry(deps.expiry),
    takePayment(deps.gateway, deps.orders),
    placeOrder(deps.orders, deps.expiry),
  ];
}

export function runCheckout(steps: Step<CheckoutContext>[], context: CheckoutContext, logger: Logger): Promise<void> {
  return runSaga(steps, context, (stepId, error) =>
    // What a failed compensation leaves (a hold, an unpaid order) is found by the expiry sweep or reconciliation.
    logger.error({ err: error, step: stepId, orderId: context.order?.orderId }, 'checkout compensation failed'),
  );
}

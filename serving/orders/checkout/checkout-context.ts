// What the checkout steps share: the priced order to create, where each line can come from, and what
// each step found out. Steps write their results here; their undo data they keep to themselves.
import type { CancelReason, NewOrder, Order } from '../order.ts';
import type { ChargeOutcome } from '../payments/payment-gateway.ts';

export interface CheckoutContext {
  newOrder: NewOrder;
  /** Per item, the warehouses that can deliver it to the order's pincode, fastest first. */
  warehouses: Map<string, string[]>;
  paymentMethod: string;
  order?: Order;
  charge?: ChargeOutcome;
  /** Why the order is cancelled if the checkout is undone. */
  cancelReason?: CancelReason;
}

/** A retried checkout whose order another request created first: answered with that order, nothing undone. */
export class AlreadyCheckedOut extends Error {
  constructor(readonly order: Order) {
    super(`order ${order.orderId} already exists for this client key`);
  }
}

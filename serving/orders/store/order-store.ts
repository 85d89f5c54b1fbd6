// The order store port: orders, the stock they hold, and the payments applied to them. Every change of
// state moves stock and writes its events to the outbox in one transaction, so an order can never be
// cancelled with its stock still held, or placed without its event.
import type { Lifecycle } from '../../../platform/lifecycle.ts';
import type { Actor, Decision, LifecyclePolicy, Move } from '../lifecycle/transitions.ts';
import type { OrderPageQuery, OrdersOf } from '../order-query.ts';
import type { CancelReason, NewOrder, Order, OrderStatus } from '../order.ts';

/**
 * What creating an order did: created it with its stock held; found the order this shopper already made
 * with the client key (holding nothing more); or found an item out of stock, creating nothing.
 */
export type CreateOutcome = { kind: 'created' | 'existing'; order: Order } | { kind: 'out_of_stock'; itemId: string };

/**
 * What a captured payment did: placed the order; placed it again after it had expired (its stock
 * re-reserved); could not place it, so the payment is due for a refund; or was seen before.
 */
export type PaymentOutcome = { kind: 'placed' | 'replaced' | 'refund_due' | 'duplicate'; order: Order };

/**
 * What a lifecycle move did: moved the order (with the refund it made due, if any: the caller pays it
 * through the gateway and marks it refunded), or was refused, changing nothing.
 */
export type AdvanceOutcome =
  | { kind: 'moved'; order: Order; refund: RefundDue | undefined }
  | { kind: 'refused'; order: Order; refusal: Extract<Decision, { ok: false }> };

export interface RefundDue {
  paymentId: string;
  orderId: string;
  amountMinor: number;
  currency: string;
}

export interface OrderStore extends Lifecycle {
  /**
   * Creates the order as CREATED with every line's quantity held in the first of its warehouses (per
   * item, fastest first) with enough stock: all lines or no order at all, and a count never goes below
   * zero. See CreateOutcome.
   */
  create(order: NewOrder, warehouses: ReadonlyMap<string, string[]>): Promise<CreateOutcome>;
  /** Undefined when there is no such order. */
  get(orderId: string): Promise<Order | undefined>;
  /** The order this shopper created with this client key, if any. */
  byClientKey(userId: string, clientKey: string): Promise<Order | undefined>;
  /** A page of the shopper's or the seller's live orders, newest first (then by order id). */
  list(of: OrdersOf, query: OrderPageQuery): Promise<Order[]>;
  /**
   * CREATED → CANCELLED with its stock released. With `dueBy`, only if the order expired by then.
   * Undefined when the order was not CREATED (already placed or cancelled): safe to call twice.
   */
  cancel(orderId: string, reason: CancelReason, dueBy?: number): Promise<Order | undefined>;
  /**
   * Makes one lifecycle move (lifecycle/transitions.ts decides it against the order as it is once locked),
   * in one transaction with its event on the outbox: the stock it gives back is given back once, the
   * refund it makes due is made due once, and of two moves racing on one order the second is decided
   * against what the first left. Throws not_found for no such order.
   */
  advance(orderId: string, move: Move, actor: Actor, policy: LifecyclePolicy): Promise<AdvanceOutcome>;
  /** Applies a captured payment once per paymentId (see PaymentOutcome). */
  paymentSucceeded(orderId: string, paymentId: string, amountMinor: number): Promise<PaymentOutcome>;
  /** Applies a declined payment once per paymentId: cancels the CREATED order and releases its stock. */
  paymentFailed(
    orderId: string,
    paymentId: string,
    reason: string,
  ): Promise<{ duplicate: boolean; order: Order | undefined }>;
  /** Captured payments that could not place their order and are not yet refunded. */
  refundsDue(limit: number): Promise<RefundDue[]>;
  markRefunded(paymentId: string): Promise<void>;
  /** Ids of CREATED orders whose expiry is at or before `now`. */
  expired(now: number, limit: number): Promise<string[]>;
  /** Every CREATED order with its expiry, to re-arm expiry triggers after a restart. */
  awaitingPayment(limit: number): Promise<{ orderId: string; expiresAt: number }[]>;
  /** Orders in `status` last changed before `changedBefore`, least lately changed first (fulfilment's work list). */
  inStatus(status: OrderStatus, changedBefore: number, limit: number): Promise<Order[]>;
  /** Delivered, cancelled or returned orders last changed before `before`, with no refund still due; oldest first. */
  finished(before: number, limit: number): Promise<Order[]>;
  /** Deletes finished orders (once archived) with their holds and payments; a live order is never deleted. Answers how many went. */
  forget(orderIds: string[]): Promise<number>;
  /** Releases stock still held by orders that are no longer CREATED or PLACED-bound (drift); answers the units per item. */
  releaseOrphanedHolds(): Promise<{ itemId: string; warehouseId: string; units: number }[]>;
}

// The order store port: orders, the stock they hold, and the payments applied to them. Every change of
// state moves stock and writes its events to the outbox in one transaction, so an order can never be
// cancelled with its stock still held, or placed without its event.
import type { Lifecycle } from '../../../platform/lifecycle.ts';
import type { CancelReason, NewOrder, Order } from '../order.ts';

export interface LineReservation {
  itemId: string;
  quantity: number;
  /** Warehouses that can deliver the line to the order's pincode, fastest first. */
  warehouseIds: string[];
}

export type ReserveOutcome = { ok: true; order: Order } | { ok: false; itemId: string };

/**
 * What a captured payment did: placed the order; placed it again after it had expired (its stock
 * re-reserved); could not place it, so the payment is due for a refund; or was seen before.
 */
export type PaymentOutcome = { kind: 'placed' | 'replaced' | 'refund_due' | 'duplicate'; order: Order };

export interface RefundDue {
  paymentId: string;
  orderId: string;
  amountMinor: number;
  currency: string;
}

export interface OrderStore extends Lifecycle {
  /** Creates the order as CREATED, or answers the order this shopper already made with this client key. */
  create(order: NewOrder): Promise<{ order: Order; created: boolean }>;
  /** Undefined when there is no such order. */
  get(orderId: string): Promise<Order | undefined>;
  /** The order this shopper created with this client key, if any. */
  byClientKey(userId: string, clientKey: string): Promise<Order | undefined>;
  /** The shopper's orders, newest first. */
  list(userId: string, limit: number): Promise<Order[]>;
  /**
   * Holds every line's quantity in the first of its warehouses with enough stock, all lines or none:
   * the count never goes below zero. Only a CREATED order reserves, and only once.
   */
  reserve(orderId: string, lines: LineReservation[]): Promise<ReserveOutcome>;
  /** Gives back the stock a CREATED order holds, keeping the order; answers the units released. Safe to call twice. */
  release(orderId: string): Promise<number>;
  /**
   * CREATED → CANCELLED with its stock released. With `dueBy`, only if the order expired by then.
   * Undefined when the order was not CREATED (already placed or cancelled): safe to call twice.
   */
  cancel(orderId: string, reason: CancelReason, dueBy?: number): Promise<Order | undefined>;
  /** Applies a captured payment once per paymentId (see PaymentOutcome). */
  paymentSucceeded(orderId: string, paymentId: string, amountMinor: number): Promise<PaymentOutcome>;
  /** Applies a declined payment once per paymentId: cancels the CREATED order and releases its stock. */
  paymentFailed(orderId: string, paymentId: string, reason: string): Promise<{ duplicate: boolean; order: Order | undefined }>;
  /** Captured payments that could not place their order and are not yet refunded. */
  refundsDue(limit: number): Promise<RefundDue[]>;
  markRefunded(paymentId: string): Promise<void>;
  /** Ids of CREATED orders whose expiry is at or before `now`. */
  expired(now: number, limit: number): Promise<string[]>;
  /** Every CREATED order with its expiry, to re-arm expiry triggers after a restart. */
  awaitingPayment(limit: number): Promise<{ orderId: string; expiresAt: number }[]>;
  /** Delivered or cancelled orders last changed before `before`, with no refund still due; oldest first. */
  finished(before: number, limit: number): Promise<Order[]>;
  /** Deletes finished orders (once archived) with their holds and payments; a live order is never deleted. Answers how many went. */
  forget(orderIds: string[]): Promise<number>;
  /** Releases stock still held by orders that are no longer CREATED or PLACED-bound (drift); answers the units per item. */
  releaseOrphanedHolds(): Promise<{ itemId: string; warehouseId: string; units: number }[]>;
}

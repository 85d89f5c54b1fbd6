// The payment port: ask for an order's money, give it back, and trust only callbacks the gateway signed.
import type { Lifecycle } from '../../../platform/lifecycle.ts';

/** A gateway may answer at once, answer later through a callback, or never answer at all. */
export type ChargeOutcome =
  | { status: 'succeeded'; paymentId: string; amountMinor: number }
  | { status: 'failed'; paymentId: string; reason: string }
  | { status: 'pending'; paymentId: string };

/** What a gateway's callback reports about a payment it had left pending. */
export type PaymentCallback = { paymentId: string; orderId: string } & (
  { status: 'succeeded'; amountMinor: number } | { status: 'failed'; reason: string }
);

export interface PaymentGateway extends Lifecycle {
  /** Asks for the amount; `method` is the shopper's payment token. One order, one payment id, however often asked. */
  charge(request: { orderId: string; amountMinor: number; currency: string; method: string }): Promise<ChargeOutcome>;
  /**
   * What the gateway knows of the order's payment, if it was ever asked for one: for an order whose
   * answer never reached us (the process died, the connection dropped), asked before it is expired.
   */
  lookup(orderId: string): Promise<ChargeOutcome | undefined>;
  /** Gives a captured payment back; refunding one twice refunds it once. */
  refund(paymentId: string, amountMinor: number): Promise<void>;
  /**
   * The callback in `body` if `signature` proves the gateway sent it; undefined otherwise. A signed body
   * that is malformed throws a 400 naming the field.
   */
  verifyCallback(body: string, signature: string | undefined): PaymentCallback | undefined;
}

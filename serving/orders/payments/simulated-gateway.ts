// The embedded and development gateway: the payment token picks the outcome, as card networks' test
// cards do. `pay_success` is captured at once, `pay_decline` is declined, `pay_no_answer` stays
// pending and never calls back. Callbacks are signed with HMAC-SHA256, as real gateways' webhooks are.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { invalid } from '../../../platform/errors.ts';
import { id, text } from '../../../platform/http/fields.ts';
import type { ChargeOutcome, PaymentCallback, PaymentGateway } from './payment-gateway.ts';

export const SIMULATED_METHODS = ['pay_success', 'pay_decline', 'pay_no_answer'] as const;

/** The simulated gateway's callback body; the callbacks route documents and checks it. */
export const PaymentCallbackSchema = z
  .discriminatedUnion('status', [
    z.object({
      paymentId: id({ max: 128 }),
      orderId: id(),
      status: z.literal('succeeded'),
      amountMinor: z
        .number({ error: 'must be a whole number of minor units (cents)' })
        .int('must be a whole number of minor units (cents)')
        .min(0, 'must not be negative'),
    }),
    z.object({
      paymentId: id({ max: 128 }),
      orderId: id(),
      status: z.literal('failed'),
      reason: text({ max: 500 }),
    }),
  ])
  .openapi('PaymentCallback');

export class SimulatedGateway implements PaymentGateway {
  /** Refunded amounts by payment id: what a gateway dashboard would show. */
  readonly refunds = new Map<string, number>();
  /** Every charge asked for, by order id (in memory: the simulation's own state). */
  private readonly charges = new Map<string, ChargeOutcome>();

  constructor(private readonly secret: string) {}

  start = () => Promise.resolve();
  close = () => Promise.resolve();

  charge(request: { orderId: string; amountMinor: number; currency: string; method: string }): Promise<ChargeOutcome> {
    const outcome = outcomeOf(request);
    if (!outcome)
      return Promise.reject(invalid('payment.method', `the simulated gateway takes ${SIMULATED_METHODS.join(', ')}`));
    this.charges.set(request.orderId, outcome);
    return Promise.resolve(outcome);
  }

  lookup(orderId: string): Promise<ChargeOutcome | undefined> {
    return Promise.resolve(this.charges.get(orderId));
  }

  refund(paymentId: string, amountMinor: number): Promise<void> {
    this.refunds.set(paymentId, amountMinor);
    return Promise.resolve();
  }

  /** Signs a callback body as the gateway would (tests and the dev console use it to play the gateway). */
  sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('hex');
  }

  verifyCallback(body: string, signature: string | undefined): PaymentCallback | undefined {
    if (!signature) return undefined;
    const expected = Buffer.from(this.sign(body), 'hex');
    const given = Buffer.from(signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    // Signed, so the gateway sent it: a body it got wrong is a 400 naming the field, not a forgery.
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      throw invalid('body', 'is not JSON');
    }
    const parsed = PaymentCallbackSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalid(issue.path.join('.') || 'body', issue.message);
    }
    return parsed.data;
  }
}

function outcomeOf(request: { orderId: string; amountMinor: number; method: string }): ChargeOutcome | undefined {
  const paymentId = `sim-${request.orderId}`;
  switch (request.method) {
    case 'pay_success':
      return { status: 'succeeded', paymentId, amountMinor: request.amountMinor };
    case 'pay_decline':
      return { status: 'failed', paymentId, reason: 'card declined' };
    case 'pay_no_answer':
      return { status: 'pending', paymentId };
    default:
      return undefined;
  }
}

// Expiry of unpaid orders. A job per order is the trigger (BullMQ in real mode, a timer embedded); the
// order row's expiry is the truth, so a periodic sweep cancels whatever a trigger missed, and on start
// every unpaid order is re-armed. The sweep also pays out refunds that are due.
import type { Clock } from '../../platform/clock.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Order } from './order.ts';
import type { PaymentGateway } from './payments/payment-gateway.ts';
import type { OrderStore } from './store/order-store.ts';

const QUEUE = 'order-expiry';
const BATCH = 1000;

export class OrderExpiry {
  constructor(
    private readonly deps: {
      orders: OrderStore;
      jobs: JobQueue;
      gateway: PaymentGateway;
      clock: Clock;
      logger: Logger;
      sweepEveryMs: number;
    },
  ) {}

  /** Catches up on what passed while the shop was down, then re-arms every unpaid order. */
  async start(): Promise<void> {
    this.deps.jobs.handle(QUEUE, async (orderId) => {
      await this.expire(orderId);
    });
    this.deps.jobs.every('order-sweep', this.deps.sweepEveryMs, () => this.sweep().then(() => undefined));
    await this.sweep();
    for (const { orderId, expiresAt } of await this.deps.orders.awaitingPayment(100_000))
      await this.arm(orderId, expiresAt);
  }

  close = () => Promise.resolve();

  arm(orderId: string, expiresAt: number): Promise<void> {
    return this.deps.jobs.schedule(QUEUE, orderId, { orderId }, expiresAt);
  }

  disarm(orderId: string): Promise<void> {
    return this.deps.jobs.cancel(QUEUE, orderId);
  }

  /**
   * The order no longer waits for its payment (placed, or cancelled): its trigger goes, so pending
   * triggers stay as many as the unpaid orders rather than every order of the payment window. Never
   * fails the caller: a trigger left behind finds the order settled and does nothing.
   */
  async settled(order: Order): Promise<void> {
    if (order.status === 'CREATED') return;
    await this.disarm(order.orderId).catch((error: unknown) =>
      this.deps.logger.warn({ err: error, orderId: order.orderId }, "could not disarm a settled order's expiry"),
    );
  }

  /** How many expiry triggers wait: one per unpaid order. */
  armed(): Promise<number> {
    return this.deps.jobs.pending(QUEUE);
  }

  /** Cancels the order if it is still unpaid at its expiry (see expireIfUnpaid). */
  expire(orderId: string): Promise<boolean> {
    return expireIfUnpaid(this.deps, orderId, this.deps.clock());
  }

  /** Expires every order past its time and refunds every payment that could not place its order. */
  async sweep(): Promise<{ expired: number; refunded: number }> {
    let expired = 0;
    for (const orderId of await this.deps.orders.expired(this.deps.clock(), BATCH))
      if (await this.expire(orderId)) expired++;
    const refunds = await this.deps.orders.refundsDue(BATCH);
    for (const refund of refunds) {
      await this.deps.gateway.refund(refund.paymentId, refund.amountMinor);
      await this.deps.orders.markRefunded(refund.paymentId);
    }
    if (expired || refunds.length) this.deps.logger.info({ expired, refunded: refunds.length }, 'order sweep');
    return { expired, refunded: refunds.length };
  }
}

/**
 * Cancels the order and releases its stock if it is still unpaid at its expiry; otherwise nothing.
 * The gateway is asked first: a payment whose answer was lost places the order instead (or cancels it
 * as declined). A capture that cannot place it (the wrong amount) is left for a refund, and the order
 * still expires, so its stock is never held for good. Answers whether the order was cancelled as expired.
 */
export async function expireIfUnpaid(
  deps: { orders: OrderStore; gateway: PaymentGateway },
  orderId: string,
  now: number,
): Promise<boolean> {
  const order = await deps.orders.get(orderId);
  if (order?.status !== 'CREATED' || order.expiresAt > now) return false;
  const known = await deps.gateway.lookup(orderId);
  if (
    known?.status === 'succeeded' &&
    (await deps.orders.paymentSucceeded(orderId, known.paymentId, known.amountMinor)).order.status !== 'CREATED'
  )
    return false;
  if (known?.status === 'failed') {
    await deps.orders.paymentFailed(orderId, known.paymentId, known.reason);
    return false;
  }
  return (await deps.orders.cancel(orderId, 'expired', now)) !== undefined;
}

// Moves orders along after they are placed: checks who is asking, makes the move in the store, and pays any refund it made due.
import { DomainError, notFound } from '../../../platform/errors.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Order } from '../order.ts';
import type { PaymentGateway } from '../payments/payment-gateway.ts';
import type { OrderArchive } from '../archive/order-archive.ts';
import type { OrderStore, RefundDue } from '../store/order-store.ts';
import { actorOn, type Caller } from './access.ts';
import type { Actor, LifecyclePolicy, Move } from './transitions.ts';

export class OrderLifecycle {
  constructor(
    private readonly deps: {
      orders: OrderStore;
      /** Where a finished order is once it left the live store. */
      archive: Pick<OrderArchive, 'get'>;
      gateway: PaymentGateway;
      /** The supplier of each item (undefined for an item no longer in the catalog). */
      suppliersOf: (itemIds: string[]) => Promise<(string | undefined)[]>;
      policy: LifecyclePolicy;
      logger: Logger;
    },
  ) {}

  /**
   * Makes the move for the caller; answers the order as it now is. 404 for an order that is not theirs,
   * 403 for a move their role never makes, 409 naming the order's status for one it cannot make now.
   */
  async move(caller: Caller, orderId: string, move: Move): Promise<Order> {
    const order = await this.deps.orders.get(orderId);
    const sellers = order ? await this.sellersOf(order) : [];
    const actor = order && actorOn(caller, order, sellers);
    if (!actor) throw notFound('orderId', `no order ${orderId} of yours`);
    return this.moveAs(actor, orderId, move);
  }

  /** The order, live or archived, for its shopper, its sellers and staff; a 404 for anyone else. */
  async view(caller: Caller, orderId: string): Promise<Order> {
    const order = (await this.deps.orders.get(orderId)) ?? (await this.deps.archive.get(orderId));
    if (!order || !actorOn(caller, order, await this.sellersOf(order)))
      throw notFound('orderId', `no order ${orderId} of yours`);
    return order;
  }

  /** Makes the move as `actor` without asking who is calling: for the shop's own jobs (the demo's fulfilment). */
  async moveAs(actor: Actor, orderId: string, move: Move): Promise<Order> {
    const outcome = await this.deps.orders.advance(orderId, move, actor, this.deps.policy);
    if (outcome.kind === 'refused') {
      const { code, field, message } = outcome.refusal;
      throw new DomainError(code, field, message);
    }
    if (outcome.refund) await this.refund(outcome.refund);
    return outcome.order;
  }

  /** The suppliers whose items the order holds: as its lines recorded them, else (older lines) as the catalog says now. */
  async sellersOf(order: Pick<Order, 'lines'>): Promise<string[]> {
    const unrecorded = order.lines.filter((l) => !l.sellerId).map((l) => l.itemId);
    const looked = unrecorded.length > 0 ? await this.deps.suppliersOf(unrecorded) : [];
    const all = [...order.lines.map((l) => l.sellerId), ...looked];
    return [...new Set(all.filter((s): s is string => typeof s === 'string'))];
  }

  /**
   * Pays the refund the move made due. The move stands if the gateway fails: the refund stays due and
   * the order sweep (order-expiry.ts) pays it later; the gateway refunds a payment once however often asked.
   */
  private async refund(due: RefundDue): Promise<void> {
    try {
      await this.deps.gateway.refund(due.paymentId, due.amountMinor);
      await this.deps.orders.markRefunded(due.paymentId);
    } catch (error) {
      this.deps.logger.warn({ err: error, ...due }, 'refund failed; the order sweep will retry it');
    }
  }
}

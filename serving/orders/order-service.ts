// Order taking: prices a checkout from the catalog, finds where each line can come from, runs the
// checkout steps, and applies the payment gateway's callbacks. The shopper's own orders only.
import type { Clock, NewId } from '../../platform/clock.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Step } from '../../platform/saga/saga.ts';
import type { CartService } from '../cart/cart-service.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import { SHOP_CURRENCY } from '../catalog/money.ts';
import type { ServiceabilityService } from '../serviceability/serviceability-service.ts';
import type { UserService } from '../users/user-service.ts';
import { AlreadyCheckedOut, type CheckoutContext } from './checkout/checkout-context.ts';
import { runCheckout } from './checkout/workflow.ts';
import { orderTotal, type NewOrder, type Order, type OrderStatus } from './order.ts';
import type { OrdersOf } from './order-query.ts';
import type { PaymentGateway } from './payments/payment-gateway.ts';
import type { OrderArchive } from './archive/order-archive.ts';
import { pageOrders } from './order-pages.ts';
import type { OrderExpiry } from './order-expiry.ts';
import type { OrderStore } from './store/order-store.ts';

export interface CheckoutInput {
  /** The shopper's idempotency key: the same key answers the same order, however often it is sent. */
  clientKey: string;
  /** What to buy; the shopper's cart when absent. */
  lines?: { itemId: string; quantity: number }[];
  /** Where to deliver: one of the shopper's addresses, or their default address when absent. */
  addressId?: string;
  paymentMethod: string;
}

/**
 * The order, and whether this request created it (false: a retry answered with the first result). Its
 * status tells the rest: PLACED (paid), CREATED (the payment has not answered yet), or CANCELLED.
 */
export interface CheckoutResult {
  order: Order;
  created: boolean;
}

export class OrderService {
  constructor(
    private readonly deps: {
      orders: OrderStore;
      archive: OrderArchive;
      /** Told when a callback settles an order, so its expiry trigger goes. */
      expiry: OrderExpiry;
      steps: Step<CheckoutContext>[];
      gateway: PaymentGateway;
      catalog: CatalogService;
      serviceability: ServiceabilityService;
      users: UserService;
      cart: CartService;
      clock: Clock;
      newId: NewId;
      logger: Logger;
      /** How long an unpaid order holds its stock. */
      paymentWindowMs: number;
    },
  ) {}

  async checkout(userId: string, input: CheckoutInput): Promise<CheckoutResult> {
    const fromCart = input.lines === undefined;
    // A retry is found when its order is created (the key is unique), not looked up first: that read
    // cost every checkout a statement for the sake of the few retries. A retry that can no longer be
    // priced (its order emptied the cart, an item has gone) is answered from the key here instead.
    let prepared: Pick<CheckoutContext, 'newOrder' | 'warehouses'>;
    try {
      prepared = await this.prepare(userId, input);
    } catch (error) {
      const earlier =
        error instanceof DomainError ? await this.deps.orders.byClientKey(userId, input.clientKey) : undefined;
      if (earlier) return { order: earlier, created: false };
      throw error;
    }
    const context: CheckoutContext = { ...prepared, paymentMethod: input.paymentMethod };
    try {
      await runCheckout(this.deps.steps, context, this.deps.logger);
    } catch (error) {
      if (error instanceof AlreadyCheckedOut) return { order: error.order, created: false };
      throw error;
    }
    const order = context.order!;
    if (fromCart && order.status === 'PLACED') await this.emptyCart(userId, order);
    return { order, created: true };
  }

  /** Applies a signed gateway callback; a duplicate is applied once. Answers the order as it now is. */
  async paymentCallback(
    body: string,
    signature: string | undefined,
  ): Promise<{ order: Order | undefined; duplicate: boolean }> {
    const callback = this.deps.gateway.verifyCallback(body, signature);
    if (!callback)
      throw new DomainError(
        'unauthenticated',
        'x-payment-signature',
        'the callback is not signed by the payment gateway',
      );
    const applied =
      callback.status === 'failed'
        ? await this.deps.orders.paymentFailed(callback.orderId, callback.paymentId, callback.reason)
        : await this.deps.orders
            .paymentSucceeded(callback.orderId, callback.paymentId, callback.amountMinor)
            .then((o) => ({ order: o.order, duplicate: o.kind === 'duplicate' }));
    if (applied.order) await this.deps.expiry.settled(applied.order);
    return applied;
  }

  /** A live order, else an archived one. */
  async get(userId: string, orderId: string): Promise<Order> {
    const order = (await this.deps.orders.get(orderId)) ?? (await this.deps.archive.get(orderId));
    // Another shopper's order is as absent as a missing one: its existence is not theirs to learn.
    if (!order || order.userId !== userId) throw notFound('orderId', `you have no order ${orderId}`);
    return order;
  }

  /** One page of a shopper's (or a seller's) live and archived orders: see pageOrders. */
  list(
    of: OrdersOf,
    limit: number,
    cursor?: string,
    status?: OrderStatus,
  ): Promise<{ orders: Order[]; next: string | null }> {
    return pageOrders({ live: this.deps.orders, archive: this.deps.archive }, of, { limit, cursor, status });
  }

  /** The order to create, priced now, and the warehouses that can deliver each line, fastest first. */
  private async prepare(
    userId: string,
    input: CheckoutInput,
  ): Promise<Pick<CheckoutContext, 'newOrder' | 'warehouses'>> {
    const wanted =
      input.lines ??
      (await this.deps.cart.get(userId)).lines
        .filter((l) => l.item)
        .map(({ itemId, quantity }) => ({ itemId, quantity }));
    if (wanted.length === 0)
      throw invalid(input.lines ? 'lines' : 'cart', input.lines ? 'must name at least one item' : 'your cart is empty');
    const field = input.lines ? 'lines' : 'cart.lines';
    const seen = new Set<string>();
    wanted.forEach((l, i) => {
      if (seen.has(l.itemId))
        throw invalid(`${field}[${i}].itemId`, `${l.itemId} is listed twice; give one line with the total quantity`);
      seen.add(l.itemId);
    });
    const pincode = await this.pincodeOf(userId, input.addressId);
    const reachable = this.deps.serviceability.reachable(pincode);
    if (!reachable) throw invalid('addressId', `we do not deliver to ${pincode} (not a known postal code)`);
    const items = await this.deps.catalog.getMany(wanted.map((l) => l.itemId));
    const warehouses = new Map<string, string[]>();
    const lines = wanted.map((l, i) => {
      const item = items[i];
      if (!item) throw invalid(`${field}[${i}].itemId`, `no item with id ${l.itemId} in the catalog`);
      const from = Object.entries(reachable[item.itemClass]).sort(([a, x], [b, y]) => x - y || a.localeCompare(b));
      if (from.length === 0)
        throw new DomainError('conflict', `${field}[${i}].itemId`, `${item.name} cannot be delivered to ${pincode}`);
      warehouses.set(
        item.itemId,
        from.map(([warehouseId]) => warehouseId),
      );
      return {
        itemId: item.itemId,
        category: item.category,
        quantity: l.quantity,
        unitPriceMinor: item.priceMinor,
        warehouseId: null,
        sellerId: item.supplierId,
      };
    });
    const now = this.deps.clock();
    const newOrder: NewOrder = {
      orderId: this.deps.newId(),
      userId,
      clientKey: input.clientKey,
      pincode,
      lines,
      totalMinor: orderTotal(lines),
      currency: SHOP_CURRENCY,
      expiresAt: now + this.deps.paymentWindowMs,
      createdAt: now,
    };
    return { newOrder, warehouses };
  }

  private async pincodeOf(userId: string, addressId: string | undefined): Promise<string> {
    const user = await this.deps.users.get(userId);
    const address = user.addresses.find((a) => a.addressId === (addressId ?? user.defaultAddressId));
    if (!address)
      throw invalid(
        'addressId',
        addressId ? `you have no address ${addressId}` : 'add a delivery address first, or name one',
      );
    return address.pincode;
  }

  /** Bought from the cart: those lines leave it. Best effort: the order stands if this fails. */
  private async emptyCart(userId: string, order: Order): Promise<void> {
    for (const line of order.lines) {
      await this.deps.cart
        .remove(userId, line.itemId)
        .catch((error: unknown) =>
          this.deps.logger.warn(
            { err: error, userId, itemId: line.itemId },
            'could not take a bought line out of the cart',
          ),
        );
    }
  }
}

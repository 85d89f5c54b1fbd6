// The events an order's changes announce, built from the order as it is after the change.
import type { NewId } from '../../platform/clock.ts';
import type { OutboxEvent } from '../../platform/outbox/outbox.ts';
import { stockChanged } from '../inventory/stock-events.ts';
import type { CancelReason, Order } from './order.ts';

export class OrderEvents {
  constructor(private readonly newId: NewId) {}

  private base(at: number) {
    return { eventId: this.newId(), occurredAt: at };
  }

  private lines(order: Order) {
    return order.lines.map(({ itemId, quantity, unitPriceMinor, category, warehouseId }) => ({
      itemId,
      quantity,
      unitPriceMinor,
      category,
      warehouseId,
    }));
  }

  created(order: Order, at: number): OutboxEvent {
    const { orderId, userId, totalMinor, currency, pincode, expiresAt } = order;
    return {
      topic: 'orders',
      event: {
        type: 'OrderCreated',
        ...this.base(at),
        orderId,
        userId,
        lines: this.lines(order),
        totalMinor,
        currency,
        pincode,
        expiresAt,
      },
    };
  }

  /** The order placed and the payment that placed it. */
  placed(order: Order, paymentId: string, at: number): OutboxEvent[] {
    const { orderId, userId, totalMinor, currency } = order;
    return [
      {
        topic: 'payments',
        event: { type: 'PaymentSucceeded', ...this.base(at), paymentId, orderId, amountMinor: totalMinor, currency },
      },
      {
        topic: 'orders',
        event: {
          type: 'OrderPlaced',
          ...this.base(at),
          orderId,
          userId,
          lines: this.lines(order),
          totalMinor,
          currency,
          paymentId,
        },
      },
    ];
  }

  cancelled(order: Order, reason: CancelReason, at: number): OutboxEvent {
    return {
      topic: 'orders',
      event: { type: 'OrderCancelled', ...this.base(at), orderId: order.orderId, userId: order.userId, reason },
    };
  }

  /** The event announcing the status a lifecycle move left the order in (lifecycle/transitions.ts). */
  moved(order: Order, at: number): OutboxEvent {
    const { orderId, userId } = order;
    const base = { ...this.base(at), orderId, userId };
    switch (order.status) {
      case 'PACKED':
        return { topic: 'orders', event: { type: 'OrderPacked', ...base } };
      case 'SHIPPED':
        return {
          topic: 'orders',
          event: { type: 'OrderShipped', ...base, carrier: order.carrier, trackingId: order.trackingId },
        };
      case 'DELIVERED':
        return { topic: 'orders', event: { type: 'OrderDelivered', ...base } };
      case 'RETURN_REQUESTED':
        return { topic: 'orders', event: { type: 'OrderReturnRequested', ...base } };
      case 'RETURNED':
        return { topic: 'orders', event: { type: 'OrderReturned', ...base } };
      case 'CANCELLED':
        return this.cancelled(order, order.cancelReason ?? 'customer', at);
      default:
        throw new Error(`no lifecycle move ends in ${order.status}`);
    }
  }

  paymentFailed(orderId: string, paymentId: string, reason: string, at: number): OutboxEvent {
    return { topic: 'payments', event: { type: 'PaymentFailed', ...this.base(at), paymentId, orderId, reason } };
  }

  refunded(
    refund: { paymentId: string; orderId: string; amountMinor: number; currency: string },
    reason: string,
    at: number,
  ): OutboxEvent {
    return { topic: 'payments', event: { type: 'PaymentRefunded', ...this.base(at), ...refund, reason } };
  }

  stockChanged(
    itemId: string,
    warehouseId: string,
    available: number,
    delta: number,
    reason: string,
    at: number,
  ): OutboxEvent {
    return stockChanged(this.newId, { itemId, warehouseId, available, delta, reason }, at);
  }
}

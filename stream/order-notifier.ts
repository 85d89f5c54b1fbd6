// Tells shoppers about their orders: placed, cancelled (and why), refunded. Consumes the order and
// payment topics; the notifier drops events it has already announced, so redelivery is harmless.
import type { Events } from '../platform/events/events.ts';
import { consumer } from '../platform/events/consumer.ts';
import type { Logger } from '../platform/logger.ts';
import { formatMoney } from '../serving/catalog/money.ts';
import type { Notification, Notifier } from '../serving/orders/notifications/notifier.ts';
import type { EventOf } from '../schemas/topics.ts';

type OrderOrPayment = EventOf<'orders'> | EventOf<'payments'>;

export function orderNotifier(deps: { events: Events; notifier: Notifier; logger: Logger; userOf: (orderId: string) => Promise<string | undefined> }) {
  return consumer(deps.events, deps.logger, {
    groupId: 'order-notifier',
    topics: ['orders', 'payments'],
    handle: async (batch) => {
      for (const { event } of batch) {
        const notification = await notificationFor(event, deps.userOf);
        if (notification) await deps.notifier.send(notification);
      }
    },
  });
}

async function notificationFor(event: OrderOrPayment, userOf: (orderId: string) => Promise<string | undefined>): Promise<Notification | undefined> {
  const base = { eventId: event.eventId, channel: 'email' as const, at: event.occurredAt };
  switch (event.type) {
    case 'OrderPlaced':
      return { ...base, userId: event.userId, template: 'order_placed', params: { orderId: event.orderId, total: formatMoney(event.totalMinor, event.currency) } };
    case 'OrderCancelled':
      return { ...base, userId: event.userId, template: 'order_cancelled', params: { orderId: event.orderId, reason: event.reason } };
    case 'PaymentRefunded': {
      const userId = await userOf(event.orderId);
      return userId === undefined ? undefined : { ...base, userId, template: 'payment_refunded', params: { orderId: event.orderId, amount: formatMoney(event.amountMinor, event.currency) } };
    }
    default:
      return undefined;
  }
}

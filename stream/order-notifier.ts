// Tells people about orders, from the order and payment events: the shopper on every move (and a refund),
// sellers on new orders and cancellations. Each notification's id is its event's, so redelivery is harmless.
import type { Events } from '../platform/events/events.ts';
import { consumer } from '../platform/events/consumer.ts';
import type { Logger } from '../platform/logger.ts';
import { formatMoney } from '../serving/catalog/money.ts';
import type {
  Notification,
  NotificationTemplate,
  Notifier,
  Recipient,
} from '../serving/orders/notifications/notifier.ts';
import type { Order } from '../serving/orders/order.ts';
import type { EventOf } from '../schemas/topics.ts';

type OrderOrPayment = EventOf<'orders'> | EventOf<'payments'>;

/** Where a recipient can be reached; null where unknown. */
export interface Contact {
  email: string | null;
  phone: string | null;
}

export interface NotifierDeps {
  orderOf: (orderId: string) => Promise<Order | undefined>;
  /** The supplier of each of the order's items that still has one, with its units on the order. */
  sellersOf: (order: Pick<Order, 'lines'>) => Promise<{ supplierId: string; units: number }[]>;
  contactOf: (recipient: Recipient) => Promise<Contact>;
  returnWindowMs: number;
}

/** Templates a shopper also gets by SMS when they gave a phone number: the ones that say where the parcel is. */
const BY_SMS = new Set<NotificationTemplate>(['order_shipped', 'order_delivered']);

export function orderNotifier(deps: NotifierDeps & { events: Events; notifier: Notifier; logger: Logger }) {
  return consumer(deps.events, deps.logger, {
    groupId: 'order-notifier',
    topics: ['orders', 'payments'],
    handle: async (batch) => {
      for (const { event } of batch)
        for (const notification of await notificationsFor(event, deps)) await deps.notifier.send(notification);
    },
  });
}

/** Every notification one event causes, each with an id of its own made from the event's. */
export async function notificationsFor(event: OrderOrPayment, deps: NotifierDeps): Promise<Notification[]> {
  const told: { recipient: Recipient; template: NotificationTemplate; params: Record<string, string> }[] = [];
  const shopper = (userId: string, template: NotificationTemplate, params: Record<string, string>) =>
    told.push({ recipient: { kind: 'shopper', userId }, template, params });
  const sellers = async (order: Order | undefined, template: NotificationTemplate, params: Record<string, string>) => {
    for (const { supplierId, units } of order ? await deps.sellersOf(order) : [])
      told.push({ recipient: { kind: 'seller', supplierId }, template, params: { ...params, units: String(units) } });
  };
  const { orderId } = event;
  switch (event.type) {
    case 'OrderPlaced':
      shopper(event.userId, 'order_placed', { orderId, total: formatMoney(event.totalMinor, event.currency) });
      await sellers(await deps.orderOf(orderId), 'seller_new_order', { orderId });
      break;
    case 'OrderPacked':
      shopper(event.userId, 'order_packed', { orderId });
      break;
    case 'OrderShipped':
      shopper(event.userId, 'order_shipped', {
        orderId,
        carrier: event.carrier ?? 'the carrier',
        trackingId: event.trackingId ?? 'not given',
      });
      break;
    case 'OrderDelivered':
      shopper(event.userId, 'order_delivered', {
        orderId,
        returnBy: new Date(event.occurredAt + deps.returnWindowMs).toISOString().slice(0, 10),
      });
      break;
    case 'OrderCancelled': {
      shopper(event.userId, 'order_cancelled', { orderId, reason: event.reason });
      // Sellers heard of the order only once it was paid; an unpaid one that lapsed is none of theirs.
      const order = await deps.orderOf(orderId);
      if (order?.paymentId) await sellers(order, 'seller_order_cancelled', { orderId, reason: event.reason });
      break;
    }
    case 'OrderReturnRequested':
      shopper(event.userId, 'order_return_requested', { orderId });
      break;
    case 'OrderReturned':
      shopper(event.userId, 'order_returned', { orderId });
      break;
    case 'PaymentRefunded': {
      const order = await deps.orderOf(orderId);
      if (order)
        shopper(order.userId, 'payment_refunded', { orderId, amount: formatMoney(event.amountMinor, event.currency) });
      break;
    }
    default:
      break;
  }
  const out: Notification[] = [];
  for (const { recipient, template, params } of told) {
    const contact = await deps.contactOf(recipient);
    const who = recipient.kind === 'shopper' ? `shopper:${recipient.userId}` : `seller:${recipient.supplierId}`;
    const base = { recipient, template, params, at: event.occurredAt };
    out.push({ ...base, eventId: `${event.eventId}:${who}:email`, channel: 'email', to: contact.email });
    // A seller hears of every order of theirs by SMS too, where it gave a phone; a shopper of the parcel's moves.
    if (contact.phone && (recipient.kind === 'seller' || BY_SMS.has(template)))
      out.push({ ...base, eventId: `${event.eventId}:${who}:sms`, channel: 'sms', to: contact.phone });
  }
  return out;
}

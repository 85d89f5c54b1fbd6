// Notifications from order events: who is told of what, retries past a failing provider, one send per id, escaped HTML, and the SMS provider's request as recorded.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../platform/logger.ts';
import { SAMPLE_EVENTS } from '../../../schemas/sample-events.ts';
import { notificationsFor, type NotifierDeps } from '../../../stream/order-notifier.ts';
import type { Order } from '../order.ts';
import type { Notification, Notifier } from './notifier.ts';
import { ReliableNotifier } from './reliable-notifier.ts';
import { SmsNotifier } from './sms-notifier.ts';
import { renderEmail } from './templates.ts';

const order = { orderId: 'ord-7f3c', userId: 'usr-42', paymentId: 'pay-1', lines: [] } as unknown as Order;
const deps: NotifierDeps = {
  orderOf: () => Promise.resolve(order),
  sellersOf: () => Promise.resolve([{ supplierId: 'sup-acme', units: 3 }]),
  contactOf: (r) =>
    Promise.resolve(
      r.kind === 'shopper' ? { email: 'ann@example.com', phone: '+12015550123' } : { email: null, phone: null },
    ),
  returnWindowMs: 30 * 86_400_000,
};
const told = async (type: keyof typeof SAMPLE_EVENTS) =>
  (await notificationsFor(SAMPLE_EVENTS[type] as never, deps)).map(
    (n) => `${n.recipient.kind} ${n.channel} ${n.template}`,
  );

describe('order notifications', () => {
  it('tells the shopper of every move and a refund, sellers of new orders and cancellations, by SMS where the parcel is', async () => {
    expect(await told('OrderPlaced')).toEqual(['shopper email order_placed', 'seller email seller_new_order']);
    expect(await told('OrderPacked')).toEqual(['shopper email order_packed']);
    expect(await told('OrderShipped')).toEqual(['shopper email order_shipped', 'shopper sms order_shipped']);
    expect(await told('OrderDelivered')).toEqual(['shopper email order_delivered', 'shopper sms order_delivered']);
    expect(await told('OrderCancelled')).toEqual([
      'shopper email order_cancelled',
      'seller email seller_order_cancelled',
    ]);
    expect(await told('OrderReturnRequested')).toEqual(['shopper email order_return_requested']);
    expect(await told('OrderReturned')).toEqual(['shopper email order_returned']);
    expect(await told('PaymentRefunded')).toEqual(['shopper email payment_refunded']);
    expect(await told('OrderCreated')).toEqual([]);
  });

  it('gives each notification an id from its event, recipient and channel, the same on every redelivery', async () => {
    const event = SAMPLE_EVENTS.OrderShipped;
    const ids = (await notificationsFor(event, deps)).map((n) => n.eventId);
    expect(ids).toEqual([`${event.eventId}:shopper:usr-42:email`, `${event.eventId}:shopper:usr-42:sms`]);
    expect((await notificationsFor(event, deps)).map((n) => n.eventId)).toEqual(ids);
    const [email] = await notificationsFor(event, deps);
    expect(email).toMatchObject({ to: 'ann@example.com', params: { carrier: 'UPS', trackingId: 'TRK-55501' } });
  });

  it('retries a failing provider with growing waits until it takes the notification, then sends that id never again', async () => {
    const sent: string[] = [];
    let failures = 3;
    const provider: Notifier = {
      start: () => Promise.resolve(),
      close: () => Promise.resolve(),
      send: (n) => {
        if (failures-- > 0) return Promise.reject(new Error('provider down'));
        sent.push(n.eventId);
        return Promise.resolve();
      },
    };
    const waits: number[] = [];
    const reliable = new ReliableNotifier(provider, {
      logger: silentLogger,
      retry: { firstDelayMs: 100, maxDelayMs: 250 },
      wait: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    const [n] = await notificationsFor(SAMPLE_EVENTS.OrderPacked, deps);
    await reliable.send(n!);
    await reliable.send(n!);
    expect(waits).toEqual([100, 200, 250]);
    expect(sent).toEqual([n!.eventId]);
  });

  it('escapes every value in the HTML and keeps the plain text as written', () => {
    const mail = renderEmail('order_cancelled', { orderId: 'o-1', reason: '<script>x</script>' });
    expect(mail.html).toContain('&#60;script&#62;x&#60;/script&#62;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('(<script>x</script>)');
    expect(mail.subject).toBe('Order o-1 is cancelled');
  });

  it('sends an SMS as the recorded provider request, and rejects a refusal naming its status', async () => {
    const recorded: { url: string; init: RequestInit }[] = [];
    let status = 201;
    const sms = new SmsNotifier({
      url: 'https://api.twilio.test/2010-04-01/Accounts/AC123/Messages.json',
      user: 'AC123',
      secret: 'token',
      from: '+15005550006',
      fetch: (url, init) => {
        recorded.push({ url: url as string, init: init! });
        return Promise.resolve(new Response('{"sid":"SM1"}', { status }));
      },
    });
    const notification: Notification = {
      eventId: 'evt-1:shopper:usr-42:sms',
      recipient: { kind: 'shopper', userId: 'usr-42' },
      channel: 'sms',
      to: '+12015550123',
      template: 'order_shipped',
      params: { orderId: 'o-1', carrier: 'UPS', trackingId: '1Z9' },
      at: 0,
    };
    await sms.send(notification);
    expect(recorded).toEqual([
      {
        url: 'https://api.twilio.test/2010-04-01/Accounts/AC123/Messages.json',
        init: {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from('AC123:token').toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
            'i-twilio-idempotency-token': 'evt-1:shopper:usr-42:sms',
          },
          body: 'To=%2B12015550123&From=%2B15005550006&Body=Emporium%3A+Order+o-1+left+with+UPS%3B+its+tracking+number+is+1Z9.',
        },
      },
    ]);
    status = 429;
    await expect(sms.send(notification)).rejects.toThrow(/answered 429/);
  });
});

// Random shop events for the live reports' end-to-end tests, and the facts a consumer reads back from the log.
import { randomFor } from '../../ingest/demo/random.ts';
import type { Events } from '../../platform/events/events.ts';
import { factOf, REPORTED_TOPICS, type ReportedTopic } from '../../stream/reports/facts.ts';
import type { Arrival } from '../../stream/reports/recount.ts';
import type { EventOf } from '../../schemas/topics.ts';
import { waitFor } from './wait-for.ts';

export type Published = { [T in ReportedTopic]: { topic: T; event: EventOf<T> } }[ReportedTopic];

const ITEMS = Array.from({ length: 40 }, (_, i) => `itm-${i}`);
const CATEGORY = (itemId: string) => ['books', 'shoes', 'toys', 'garden'][Number(itemId.slice(4)) % 4]!;
const USERS = Array.from({ length: 30 }, (_, i) => `usr-${i}`);

/**
 * `count` events over about `spanMinutes` of event time from `start`: views, cart and wishlist changes,
 * searches, and orders placed, some cancelled or refunded (a refund never earlier than its placement).
 * Times are mostly in order, some a little late, a few far too late; one in twenty is published twice.
 */
export function randomShopEvents(seed: number, count: number, start: number, spanMinutes: number): Published[] {
  const r = randomFor(seed, 1919, 0);
  const out: Published[] = [];
  const placed: { orderId: string; userId: string; at: number }[] = [];
  const step = (spanMinutes * 60_000) / count;
  for (let i = 0; out.length < count; i++) {
    const clock = start + i * step;
    const roll = r.next();
    const time = Math.round(
      roll < 0.8 ? clock : roll < 0.97 ? clock - r.int(0, 40_000) : clock - r.int(60_000, 10 * 60_000),
    );
    const base = { eventId: `evt-${seed}-${i}`, occurredAt: time };
    const itemId = r.pick(ITEMS);
    const userId = r.pick(USERS);
    const kind = r.int(0, 99);
    let published: Published;
    if (kind < 45)
      published = {
        topic: 'product.viewed',
        event: { type: 'ProductViewed', ...base, userId, itemId, category: CATEGORY(itemId) },
      };
    else if (kind < 60)
      published = {
        topic: 'cart',
        event: {
          type: 'CartItemAdded',
          ...base,
          userId,
          itemId,
          quantity: r.int(1, 3),
          unitPriceMinor: 1999,
          category: CATEGORY(itemId),
        },
      };
    else if (kind < 68)
      published = {
        topic: 'wishlist',
        event: { type: 'WishlistItemAdded', ...base, userId, itemId, category: CATEGORY(itemId) },
      };
    else if (kind < 71)
      published = {
        topic: 'wishlist',
        event: { type: 'WishlistItemRemoved', ...base, userId, itemId, category: CATEGORY(itemId) },
      };
    else if (kind < 85)
      published = {
        topic: 'search.performed',
        event: {
          type: 'SearchPerformed',
          ...base,
          userId,
          query: r.pick(['TV', 'tv ', 'red shoes', 'lego set', 'garden hose']),
          pincode: '07030',
          filters: r.chance(0.5) ? { category: r.pick(['books', 'toys']) } : {},
          resultIds: [],
          total: 3,
        },
      };
    else if (kind < 95 || placed.length === 0) {
      const orderId = `ord-${seed}-${i}`;
      const lines = Array.from({ length: r.int(1, 3) }, () => {
        const id = r.pick(ITEMS);
        return {
          itemId: id,
          quantity: r.int(1, 2),
          unitPriceMinor: r.int(5, 90) * 100,
          category: CATEGORY(id),
          warehouseId: null,
        };
      });
      const totalMinor = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
      placed.push({ orderId, userId, at: time });
      published = {
        topic: 'orders',
        event: {
          type: 'OrderPlaced',
          ...base,
          orderId,
          userId,
          lines,
          totalMinor,
          currency: 'USD',
          paymentId: `pay-${orderId}`,
        },
      };
    } else {
      const order = placed.splice(r.int(0, placed.length - 1), 1)[0]!;
      const at = Math.max(time, order.at);
      published = r.chance(0.5)
        ? {
            topic: 'orders',
            event: {
              type: 'OrderCancelled',
              ...base,
              occurredAt: at,
              orderId: order.orderId,
              userId: order.userId,
              reason: 'customer',
            },
          }
        : {
            topic: 'payments',
            event: {
              type: 'PaymentRefunded',
              ...base,
              occurredAt: at,
              paymentId: `pay-${order.orderId}`,
              orderId: order.orderId,
              amountMinor: 1,
              currency: 'USD',
              reason: 'test',
            },
          };
    }
    out.push(published);
    if (r.chance(0.05)) out.push(published);
  }
  return out;
}

/** Publishes the events in order, a topic's run at a time. */
export async function publishAll(events: Events, published: Published[]): Promise<void> {
  for (let i = 0; i < published.length;) {
    const topic = published[i]!.topic;
    const run: Published[] = [];
    while (i < published.length && published[i]!.topic === topic && run.length < 500) run.push(published[i++]!);
    await events.publish(
      topic,
      run.map((p) => p.event),
    );
  }
}

/** Every reported topic's facts as a consumer reads them: each partition in log order, tagged with it. */
export async function readArrivals(events: Events, total: number): Promise<Arrival[]> {
  const byPartition = new Map<string, { offset: number; arrival: Arrival | undefined }[]>();
  let seen = 0;
  const subscription = await events.consume({
    groupId: `recount-${Math.random()}`,
    topics: [...REPORTED_TOPICS],
    fromBeginning: true,
    handle: (batch) => {
      for (const { event, topic, partition, offset } of batch) {
        const source = `${topic}/${partition}`;
        const fact = factOf(event);
        const list = byPartition.get(source) ?? byPartition.set(source, []).get(source)!;
        list.push({ offset, arrival: fact && { source, fact } });
        seen++;
      }
      return Promise.resolve();
    },
  });
  await waitFor(`${total} events read back`, () => seen >= total, 20_000);
  await subscription.stop();
  return [...byPartition.values()].flatMap((list) =>
    list.sort((a, b) => a.offset - b.offset).flatMap((m) => (m.arrival ? [m.arrival] : [])),
  );
}

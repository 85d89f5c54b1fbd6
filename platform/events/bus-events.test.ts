// Typed events: schema-checked on the way out, decoded to the same typed event on the way in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_EVENTS } from '../../schemas/sample-events.ts';
import { TOPICS } from '../../schemas/topics.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import { partitionFor } from '../bus/partitioner.ts';
import { openTestEvents, type TestEvents } from '../../test/support/events.ts';
import { DomainError } from '../errors.ts';

describe('BusEvents', () => {
  let t: TestEvents;
  beforeEach(async () => (t = await openTestEvents()));
  afterEach(() => t.close());

  it('delivers every event of a lifecycle as it was published, keyed by the topic key', async () => {
    const { OrderCreated, OrderPlaced, OrderShipped } = SAMPLE_EVENTS;
    await t.events.publish('orders', [OrderCreated, OrderPlaced, OrderShipped]);
    const read = await t.readTopic('orders');
    expect(read.map((e) => e.type)).toEqual(['OrderCreated', 'OrderPlaced', 'OrderShipped']);
    expect(JSON.parse(JSON.stringify(read[0]))).toEqual(OrderCreated);
  });

  it('refuses a batch with one invalid event before publishing any of it, naming the field', async () => {
    const bad = { ...SAMPLE_EVENTS.CartItemAdded, quantity: 1.5 };
    const error = await t.events.publish('cart', [SAMPLE_EVENTS.CartItemAdded, bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalid', field: 'events.1.quantity' });
    expect(await t.readTopic('cart')).toEqual([]);
  });

  it('hands on only the partitions asked for, when asked', async () => {
    const views = Array.from({ length: 60 }, (_, i) => ({
      ...SAMPLE_EVENTS.ProductViewed,
      eventId: `v${i}`,
      itemId: `itm-${i}`,
    }));
    await t.events.publish('product.viewed', views);
    const seen: { id: string; partition: number }[] = [];
    const subscription = await t.events.consume({
      groupId: 'partitions-1-and-4',
      topics: ['product.viewed'],
      fromBeginning: true,
      partitions: [1, 4],
      handle: (batch) => {
        seen.push(...batch.map((d) => ({ id: d.event.eventId, partition: d.partition })));
        return Promise.resolve();
      },
    });
    const expected = views.filter((v) => [1, 4].includes(partitionFor(v.itemId, TOPICS['product.viewed'].partitions)));
    await waitFor('the two partitions read', () => seen.length >= expected.length);
    await subscription.stop();
    expect(new Set(seen.map((s) => s.partition))).toEqual(new Set([1, 4]));
    expect(seen.map((s) => s.id).sort()).toEqual(expected.map((v) => v.eventId).sort());
  });

  it('refuses an event type that does not belong on the topic', async () => {
    const wrong = SAMPLE_EVENTS.WishlistItemAdded as never;
    await expect(t.events.publish('cart', [wrong])).rejects.toMatchObject({ field: 'events.0.type' });
  });
});

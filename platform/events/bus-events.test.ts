// Typed events: schema-checked on the way out, decoded to the same typed event on the way in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_EVENTS } from '../../schemas/sample-events.ts';
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

  it('refuses an event type that does not belong on the topic', async () => {
    const wrong = SAMPLE_EVENTS.WishlistItemAdded as never;
    await expect(t.events.publish('cart', [wrong])).rejects.toMatchObject({ field: 'events.0.type' });
  });
});

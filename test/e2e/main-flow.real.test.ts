// The main flow on the real servers (npm run test:real): supplier feed into the catalog on MongoDB, stock
// on MariaDB, search on Elasticsearch, a shopper on MariaDB with the user cache on Redis, a cart, a
// checkout (orders on MariaDB, expiry on BullMQ), and the events read back from Kafka through the
// schema registry.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import { createEvents } from '../../platform/events/create-events.ts';
import { silentLogger } from '../../platform/logger.ts';
import type { EventOf } from '../../schemas/topics.ts';
import { testNamespace } from '../support/namespace.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

const ns = testNamespace('mainflow');

describe('main flow on the real servers', () => {
  let t: TestShop;
  const run = randomUUID().slice(0, 8);
  const items = [...demoItems({ seed: 11, count: 3 })].map((item) => ({ ...item, itemId: `${item.itemId}-${run}` }));

  beforeAll(async () => {
    t = await openTestShop(ns.env);
    expect(t.config.catalog.kind).toBe('real');
    expect(t.config.bus.kind).toBe('real');
    expect(t.config.search.kind).toBe('real');
  });
  afterAll(async () => {
    await t?.close();
    await ns.drop();
  });

  it('takes supplier items through Kafka into MongoDB and Elasticsearch; a shopper finds them, fills a MariaDB cart and checks out; the cart and order events come back through the registry', async () => {
    const pushed = await t.api('POST', '/supplier/items/bulk', { items }, await t.staff());
    expect(pushed.status).toBe(200);
    // Every item, not one: they travel on different partitions, and a stock take of an item not in the catalog is a 404.
    await waitFor(
      'items in the catalog',
      async () => {
        const { body } = await t.api('POST', '/items/batch-get', { ids: items.map((i) => i.itemId) });
        return (body as { missing: string[] }).missing.length === 0;
      },
      30_000,
    );
    for (const item of items)
      await t.api('PUT', `/inventory/${item.itemId}/warehouses/wh-01-newark`, { available: 5 }, await t.staff());
    const found = async () =>
      (
        (await t.api('GET', `/search?q=${encodeURIComponent(items[0]!.name)}&pincode=07030`)).body as {
          hits: { itemId: string }[];
        }
      ).hits;
    await waitFor(
      'the first item in search results',
      async () => (await found()).some((h) => h.itemId === items[0]!.itemId),
      30_000,
    );

    const { userId, token } = (
      await t.api('POST', '/users', { email: `real-${run}@example.com`, password: 'real servers', name: 'Real' })
    ).body as { userId: string; token: string };
    await t.api('POST', `/users/${userId}/cart/items`, { itemId: items[0]!.itemId, quantity: 2 }, token);
    await t.api('POST', `/users/${userId}/cart/items`, { itemId: items[1]!.itemId }, token);
    const cart = await t.api('GET', `/users/${userId}/cart`, undefined, token);
    expect(cart.body).toMatchObject({ itemCount: 3, subtotalMinor: 2 * items[0]!.priceMinor + items[1]!.priceMinor });

    await t.api(
      'POST',
      `/users/${userId}/addresses`,
      { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: '07030' },
      token,
    );
    const checkout = await t.api('POST', `/users/${userId}/orders`, { payment: { method: 'pay_success' } }, token, {
      'idempotency-key': `main-flow-${run}`,
    });
    expect(checkout.status, JSON.stringify(checkout.body)).toBe(201);
    const { order } = checkout.body as { order: { orderId: string; status: string; totalMinor: number } };
    expect(order).toMatchObject({ status: 'PLACED', totalMinor: 2 * items[0]!.priceMinor + items[1]!.priceMinor });
    expect((await t.api('GET', `/inventory/${items[0]!.itemId}`, undefined, await t.staff())).body).toMatchObject({
      levels: [{ warehouseId: 'wh-01-newark', available: 3 }],
    });
    expect((await t.api('GET', `/users/${userId}/cart`, undefined, token)).body).toMatchObject({ itemCount: 0 });

    const events = createEvents(ns.config, { logger: silentLogger });
    await events.start();
    const seen: (EventOf<'cart'> | EventOf<'orders'>)[] = [];
    const subscription = await events.consume({
      groupId: `main-flow-${run}`,
      topics: ['cart', 'orders'],
      fromBeginning: true,
      handle: (batch) => {
        seen.push(...batch.map((d) => d.event).filter((e) => e.userId === userId));
        return Promise.resolve();
      },
    });
    try {
      await waitFor('the cart and order events from Kafka', () => seen.length === 6, 30_000);
      const cartEvents = seen
        .filter((e) => e.type.startsWith('Cart'))
        .map((e) => [e.type, 'itemId' in e ? e.itemId : '']);
      expect(cartEvents).toEqual([
        ['CartItemAdded', items[0]!.itemId],
        ['CartItemAdded', items[1]!.itemId],
        ['CartItemRemoved', items[0]!.itemId],
        ['CartItemRemoved', items[1]!.itemId],
      ]);
      expect(seen.filter((e) => 'orderId' in e && e.orderId === order.orderId).map((e) => e.type)).toEqual([
        'OrderCreated',
        'OrderPlaced',
      ]);
    } finally {
      await subscription.stop();
      await events.close();
    }
  });
});

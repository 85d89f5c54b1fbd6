// A real-server run leaves the shop's own data as it found it: a run in a namespace of its own stocks items,
// places orders, arms expiry jobs and notifies a shopper, and drops it all; the shop's names hold what they held
// before the first real suite (the footprint real-global-setup.ts took), and a shop started on them afterwards
// publishes nothing, arms nothing and notifies no one. Runs after every other real suite (vitest.real.config.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { demoItems } from '../../ingest/demo/items.ts';
import { loadConfig } from '../../platform/config.ts';
import { realEnv, testNamespace } from '../support/namespace.ts';
import { footprintOf, openServers, type Footprint } from '../support/servers.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

const shopConfig = loadConfig(realEnv());
if (shopConfig.bus.kind !== 'real' || shopConfig.sql.orders.kind !== 'real' || shopConfig.redis.kind !== 'real')
  throw new Error('the real suite needs every EMPORIUM_* server URL (run it through infra/local/env.sh)');

const notifications = (t: TestShop) => {
  const file = path.join(t.config.dataDir, 'notifications.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
};

describe('a real-server run', () => {
  const ns = testNamespace('cleanrun');
  const before: Footprint = inject('shopFootprint');
  const opened: TestShop[] = [];
  afterAll(async () => {
    for (const t of opened) await t.close();
    // Already dropped when the test got that far; dropping again finds nothing.
    await ns.drop();
  });

  it('takes orders, stock, expiry jobs and notifications away with its namespace; a shop started after it publishes nothing', async () => {
    // The run: a shop under the test namespace, as every real suite has one.
    const t = await openTestShop(ns.env);
    opened.push(t);
    const run = ns.name.slice(-8);
    const items = [...demoItems({ seed: 12, count: 2 })].map((item) => ({ ...item, itemId: `${item.itemId}-${run}` }));
    expect((await t.api('POST', '/supplier/items/bulk', { items }, await t.staff())).status).toBe(200);
    // Every item, each stocked once the catalog answers for it (a stock take names a known item).
    for (const item of items)
      await waitFor(
        `${item.itemId} stocked`,
        async () =>
          (await t.api('PUT', `/inventory/${item.itemId}/warehouses/wh-01-newark`, { available: 5 }, await t.staff()))
            .status === 200,
        30_000,
      );
    const { userId, token } = (
      await t.api('POST', '/users', { email: `clean-${run}@example.com`, password: 'real servers', name: 'Clean' })
    ).body as { userId: string; token: string };
    await t.api(
      'POST',
      `/users/${userId}/addresses`,
      { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: '07030' },
      token,
    );
    const orderIds: string[] = [];
    for (const [item, method] of [
      [items[0]!, 'pay_success'],
      [items[1]!, 'pay_no_answer'],
    ] as const) {
      await t.api('POST', `/users/${userId}/cart/items`, { itemId: item.itemId }, token);
      const checkout = await t.api('POST', `/users/${userId}/orders`, { payment: { method } }, token, {
        'idempotency-key': `clean-run-${run}-${method}`,
      });
      // 201 placed; 202 waiting for the payment's answer, its expiry job armed.
      expect(checkout.status, JSON.stringify(checkout.body)).toBe(method === 'pay_success' ? 201 : 202);
      orderIds.push((checkout.body as { order: { orderId: string } }).order.orderId);
    }
    expect(await t.shop.orders.expiry.armed()).toBe(1);
    await waitFor(
      'the shopper told of the placed order',
      () => notifications(t).some((n) => n.includes(orderIds[0]!)),
      30_000,
    );
    await waitFor('every order event published', async () => (await t.shop.orders.relay.drain()) === 0, 30_000);

    // It did write to every kind of server, under its own names.
    const made = await footprintOf(ns.config);
    for (const resource of [
      `kafka-topic ${ns.name}.orders`,
      `kafka-topic ${ns.name}.inventory.stock`,
      `mysql-database ${ns.name}_emporium_orders`,
      `mysql-database ${ns.name}_emporium_users`,
      `mongo-database ${ns.name}_emporium`,
      `elasticsearch-index ${ns.name}_emporium-items`,
      `registry-subject ${ns.name}.orders-emporium.orders.OrderPlaced`,
    ])
      expect(made[resource], resource).toBeGreaterThan(0);
    expect(Object.keys(made).some((key) => key.startsWith(`redis-key ${ns.name}:emporium:order-expiry:`))).toBe(true);

    await t.close();
    opened.pop();
    await ns.drop();
    expect(await ns.leftovers()).toEqual([]);

    // Every real suite of this run is over: the shop's names hold what they held before the first one.
    expect(await footprintOf(shopConfig)).toEqual(before);

    // A shop started on its own names now finds nothing of the run: its relay has nothing to publish, its
    // sweep nothing to expire, its queue no expiry job, its notifier no one to tell.
    const shop = await openTestShop({ ...realEnv(), EMPORIUM_ORDER_SWEEP_SECONDS: '1' });
    opened.push(shop);
    expect(await shop.shop.orders.relay.drain()).toBe(0);
    expect(await shop.shop.orders.expiry.sweep()).toEqual({ expired: 0, refunded: 0 });
    for (const orderId of orderIds) expect((await shop.shop.orders.store.get(orderId)) ?? null).toBeNull();
    expect(notifications(shop)).toEqual([]);
    await shop.close();
    opened.pop();
    const after = await footprintOf(shopConfig);
    // What was there holds what it held: nothing published into a topic, no row, document, key or version added.
    expect(Object.fromEntries(Object.keys(before).map((key) => [key, after[key]]))).toEqual(before);
    // What the shop made itself on its first start is empty, but for its schemas, its job queue's bookkeeping
    // and its own live report (of nothing: it read no event, as the relay, sweep and notifier above show).
    const own = Object.keys(after).filter((key) => !(key in before));
    const bookkeeping = (key: string) =>
      key.startsWith('registry-subject ') || key.startsWith('redis-key ') || key === 'kafka-topic reports';
    expect(own.filter((key) => !bookkeeping(key) && after[key] !== 0)).toEqual([]);
    expect(own.filter((key) => orderIds.some((id) => key.includes(id)))).toEqual([]);
    // And it goes again, so the run leaves the servers as it found them.
    const servers = await openServers(shopConfig);
    await servers.remove(own).finally(() => servers.close());
  });
});

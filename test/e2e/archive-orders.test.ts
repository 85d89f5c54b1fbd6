// Archiving finished orders: a cancelled order leaves the live database for the archive, a placed one
// stays, and the shopper's order list and order page show both as before.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveOrders } from '../../batch/archive-orders.ts';
import { demoItems } from '../../ingest/demo/items.ts';
import { noProgress } from '../../platform/progress.ts';
import type { Order } from '../../serving/orders/order.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';

describe('archiving finished orders', () => {
  let t: TestShop;
  const item = [...demoItems({ seed: 4, count: 30 })].find((i) => i.category === 'shirts')!;
  const shoppers: { userId: string; token: string }[] = [];
  const orders: Order[] = [];

  beforeAll(async () => {
    t = await openTestShop();
    await t.api('PUT', `/items/${item.itemId}`, { ...item, itemId: undefined });
    await t.api('PUT', `/inventory/${item.itemId}/warehouses/wh-01-newark`, { available: 5 });
    for (const name of ['ann', 'bob']) {
      const shopper = (await t.api('POST', '/users', { email: `${name}@example.com`, password: 'archive!', name })).body as { userId: string; token: string };
      await t.api('POST', `/users/${shopper.userId}/addresses`, { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: '07030' }, shopper.token);
      shoppers.push(shopper);
    }
    const [ann] = shoppers;
    for (const method of ['pay_success', 'pay_decline']) {
      const res = await t.api('POST', `/users/${ann!.userId}/orders`, { lines: [{ itemId: item.itemId, quantity: 1 }], payment: { method } }, ann!.token, { 'idempotency-key': randomUUID() });
      orders.push(method === 'pay_success' ? (res.body as { order: Order }).order : ((await t.api('GET', `/users/${ann!.userId}/orders?limit=1`, undefined, ann!.token)).body as { orders: Order[] }).orders[0]!);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('moves the cancelled order to the archive and keeps showing both orders, to their owner only', async () => {
    const [ann, bob] = shoppers as [{ userId: string; token: string }, { userId: string; token: string }];
    const [placed, cancelled] = orders as [Order, Order];
    expect(cancelled.status).toBe('CANCELLED');
    expect(await archiveOrders({ orders: t.shop.orders.store, archive: t.shop.orders.archive }, Date.now() + 1000, noProgress)).toBe(1);
    expect(await t.shop.orders.store.get(cancelled.orderId)).toBeUndefined();
    expect(await t.shop.orders.archive.get(ann.userId, cancelled.orderId)).toMatchObject({ status: 'CANCELLED' });

    const listed = (await t.api('GET', `/users/${ann.userId}/orders`, undefined, ann.token)).body as { orders: Order[] };
    expect(listed.orders.map((o) => [o.orderId, o.status]).sort()).toEqual([[placed.orderId, 'PLACED'], [cancelled.orderId, 'CANCELLED']].sort());
    expect((await t.api('GET', `/users/${ann.userId}/orders/${cancelled.orderId}`, undefined, ann.token)).status).toBe(200);
    expect((await t.api('GET', `/users/${bob.userId}/orders/${cancelled.orderId}`, undefined, bob.token)).status).toBe(404);
    expect(await archiveOrders({ orders: t.shop.orders.store, archive: t.shop.orders.archive }, Date.now() + 1000, noProgress)).toBe(0);
  });
});

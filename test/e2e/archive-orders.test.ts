// Archiving finished orders: a cancelled order leaves the live database for the archive, a placed one
// stays, and the shopper's order list and order page show both as before.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveOrders } from '../../batch/archive-orders.ts';
import { demoItems } from '../../ingest/demo/items.ts';
import { noProgress } from '../../platform/progress.ts';
import type { Order } from '../../serving/orders/order.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';
import { waitFor } from '../support/wait-for.ts';

describe('archiving finished orders', () => {
  let t: TestShop;
  const item = [...demoItems({ seed: 4, count: 30 })].find((i) => i.category === 'shirts')!;
  const shoppers: { userId: string; token: string }[] = [];
  const orders: Order[] = [];

  beforeAll(async () => {
    t = await openTestShop();
    await t.stock(item, 5);
    for (const name of ['ann', 'bob']) shoppers.push(await t.shopper(name));
    const [ann] = shoppers;
    for (const method of ['pay_success', 'pay_decline']) {
      const res = await t.api(
        'POST',
        `/users/${ann!.userId}/orders`,
        { lines: [{ itemId: item.itemId, quantity: 1 }], payment: { method } },
        ann!.token,
        { 'idempotency-key': randomUUID() },
      );
      orders.push(
        method === 'pay_success'
          ? (res.body as { order: Order }).order
          : (
              (await t.api('GET', `/users/${ann!.userId}/orders?limit=1`, undefined, ann!.token)).body as {
                orders: Order[];
              }
            ).orders[0]!,
      );
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('moves the cancelled order to the archive and keeps showing both orders, to their owner only', async () => {
    const [ann, bob] = shoppers as [{ userId: string; token: string }, { userId: string; token: string }];
    const [placed, cancelled] = orders as [Order, Order];
    expect(cancelled.status).toBe('CANCELLED');
    expect(
      await archiveOrders(
        { orders: t.shop.orders.store, archive: t.shop.orders.archive },
        Date.now() + 1000,
        noProgress,
      ),
    ).toBe(1);
    expect(await t.shop.orders.store.get(cancelled.orderId)).toBeUndefined();
    expect(await t.shop.orders.archive.get(cancelled.orderId)).toMatchObject({ status: 'CANCELLED' });

    const listed = (await t.api('GET', `/users/${ann.userId}/orders`, undefined, ann.token)).body as {
      orders: Order[];
    };
    expect(listed.orders.map((o) => [o.orderId, o.status]).sort()).toEqual(
      [
        [placed.orderId, 'PLACED'],
        [cancelled.orderId, 'CANCELLED'],
      ].sort(),
    );
    expect((await t.api('GET', `/users/${ann.userId}/orders/${cancelled.orderId}`, undefined, ann.token)).status).toBe(
      200,
    );
    expect((await t.api('GET', `/users/${bob.userId}/orders/${cancelled.orderId}`, undefined, bob.token)).status).toBe(
      404,
    );
    expect(
      await archiveOrders(
        { orders: t.shop.orders.store, archive: t.shop.orders.archive },
        Date.now() + 1000,
        noProgress,
      ),
    ).toBe(0);
  });

  it("shows the seller its orders, live and archived, in one status when asked, and no other supplier's", async () => {
    const [placed, cancelled] = orders as [Order, Order];
    const sellerOrders = async (query: string, credential: string) => {
      const res = await t.api('GET', `/sellers/${item.supplierId}/orders${query}`, undefined, credential);
      return { status: res.status, ids: ((res.body as { orders?: Order[] }).orders ?? []).map((o) => o.orderId) };
    };
    const key = await t.supplierKey(item.supplierId);
    expect((await sellerOrders('', key)).ids.sort()).toEqual([placed.orderId, cancelled.orderId].sort());
    expect(await sellerOrders('?status=CANCELLED', key)).toEqual({ status: 200, ids: [cancelled.orderId] });
    expect(await sellerOrders('?status=PLACED', await t.staff())).toEqual({ status: 200, ids: [placed.orderId] });
    expect(await sellerOrders('', await t.supplierKey('sup-someone-else'))).toMatchObject({ status: 403 });
    const [ann] = shoppers as [{ userId: string; token: string }];
    const cancelledOnly = await t.api('GET', `/users/${ann.userId}/orders?status=CANCELLED`, undefined, ann.token);
    expect((cancelledOnly.body as { orders: Order[] }).orders.map((o) => o.orderId)).toEqual([cancelled.orderId]);
    const bad = await t.api('GET', `/users/${ann.userId}/orders?status=LOST`, undefined, ann.token);
    expect(bad).toMatchObject({ status: 400, body: { field: 'status' } });
  });
});

describe("the shop's own archiving job", () => {
  it('moves a cancelled order to the archive on its schedule, without anyone running the batch', async () => {
    // Every 0.72 s, for orders of any age: the daily default made quick.
    const t = await openTestShop({
      EMPORIUM_ARCHIVE_EVERY_HOURS: '0.0002',
      EMPORIUM_ARCHIVE_AFTER_DAYS: '0',
      EMPORIUM_RETURN_WINDOW_DAYS: '0',
    });
    try {
      const item = [...demoItems({ seed: 4, count: 30 })].find((i) => i.category === 'shirts')!;
      await t.stock(item, 5);
      const ann = await t.shopper('ann');
      await t.api(
        'POST',
        `/users/${ann.userId}/orders`,
        { lines: [{ itemId: item.itemId, quantity: 1 }], payment: { method: 'pay_decline' } },
        ann.token,
        { 'idempotency-key': randomUUID() },
      );
      const [declined] = (await t.shop.orders.store.list({ userId: ann.userId }, { limit: 1 })) as [Order];
      expect(declined.status).toBe('CANCELLED');
      await waitFor(
        'the job to archive the order',
        async () => (await t.shop.orders.archive.get(declined.orderId)) !== undefined,
      );
      await waitFor(
        'the order to leave the live database',
        async () => (await t.shop.orders.store.get(declined.orderId)) === undefined,
      );
    } finally {
      await t.close();
    }
  });
});

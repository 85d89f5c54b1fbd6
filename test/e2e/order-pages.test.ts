// The shopper's orders list pages through live and archived orders alike, newest first, each order once,
// also when orders are archived between two page fetches.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveOrders } from '../../batch/archive-orders.ts';
import { demoItems } from '../../ingest/demo/items.ts';
import { noProgress } from '../../platform/progress.ts';
import type { Order } from '../../serving/orders/order.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';

interface Page {
  orders: Order[];
  nextCursor: string | null;
}

describe('orders list pages', () => {
  let t: TestShop;
  const item = [...demoItems({ seed: 5, count: 30 })].find((i) => i.category === 'shirts')!;
  let shopper: { userId: string; token: string };
  /** Every order the shopper made, newest first. */
  let made: Order[];

  const page = async (limit: number, cursor?: string) => {
    const query = `limit=${limit}${cursor === undefined ? '' : `&cursor=${cursor}`}`;
    const res = await t.api('GET', `/users/${shopper.userId}/orders?${query}`, undefined, shopper.token);
    expect(res.status).toBe(200);
    return res.body as Page;
  };
  const archive = () =>
    archiveOrders({ orders: t.shop.orders.store, archive: t.shop.orders.archive }, Date.now() + 1000, noProgress);
  const checkout = async (method: string) => {
    const res = await t.api(
      'POST',
      `/users/${shopper.userId}/orders`,
      { lines: [{ itemId: item.itemId, quantity: 1 }], payment: { method } },
      shopper.token,
      { 'idempotency-key': randomUUID() },
    );
    expect([201, 402]).toContain(res.status);
  };
  /** Pages from `first` on until the last page, each page's orders in turn. */
  const rest = async (limit: number, first: Page) => {
    const shown = [...first.orders];
    for (let cursor = first.nextCursor; cursor !== null;) {
      const next = await page(limit, cursor);
      shown.push(...next.orders);
      cursor = next.nextCursor;
    }
    return shown;
  };
  const ids = (orders: Order[]) => orders.map((o) => o.orderId);

  beforeAll(async () => {
    t = await openTestShop();
    await t.stock(item, 20);
    shopper = await t.shopper('pia');
    // Declined payments cancel their orders, which the archiver then moves; placed ones stay live.
    for (const method of ['pay_decline', 'pay_success', 'pay_decline', 'pay_decline', 'pay_success', 'pay_decline'])
      await checkout(method);
    made = (await page(100)).orders;
    expect(made).toHaveLength(6);
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages through live and archived orders, newest first, each once', async () => {
    expect(await archive()).toBe(4);
    const first = await page(4);
    expect(first.orders.map((o) => o.status)).toEqual(made.slice(0, 4).map((o) => o.status));
    expect(first.orders.some((o) => o.status === 'CANCELLED') && first.orders.some((o) => o.status === 'PLACED')).toBe(
      true,
    );
    expect(ids(await rest(4, first))).toEqual(ids(made));
    expect(ids(await rest(2, await page(2)))).toEqual(ids(made));
    expect((await page(6)).nextCursor).toBeNull();
  });

  it('shows each order once when orders are archived between page fetches', async () => {
    // Two more cancelled orders, still live when the first page is read.
    await checkout('pay_decline');
    await checkout('pay_decline');
    const all = (await page(100)).orders;
    expect(all).toHaveLength(8);
    const first = await page(1);
    expect(first.orders[0]!.status).toBe('CANCELLED');
    expect(await t.shop.orders.store.get(first.orders[0]!.orderId)).toBeDefined();
    expect(await archive()).toBe(2); // the one just shown and the one the next page starts with
    expect(await t.shop.orders.store.get(all[1]!.orderId)).toBeUndefined();
    expect(ids(await rest(1, first))).toEqual(ids(all));
  });

  it('answers 400 naming the cursor for one this shop did not hand out', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from('12.').toString('base64url'), 'x'.repeat(129), '%00']) {
      const res = await t.api('GET', `/users/${shopper.userId}/orders?cursor=${cursor}`, undefined, shopper.token);
      expect(res.status, cursor).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid', field: 'cursor' });
    }
  });
});

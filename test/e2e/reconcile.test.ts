// Reconciliation on a shop whose orders database was damaged behind its back: a count overwritten
// outside the store and an order cancelled without giving its stock back. One run finds and repairs
// both; a second run finds nothing.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReconcile } from '../../batch/reconcile-run.ts';
import { demoItems } from '../../ingest/demo/items.ts';
import { noProgress } from '../../platform/progress.ts';
import type { Order } from '../../serving/orders/order.ts';
import { openTestShop, type TestShop } from '../support/shop.ts';

const WAREHOUSE = 'wh-01-newark';

describe('emporium batch reconcile', () => {
  let t: TestShop;
  const item = [...demoItems({ seed: 3, count: 30 })].find((i) => i.category === 'shirts')!;
  let pending: Order;

  beforeAll(async () => {
    t = await openTestShop();
    await t.api('PUT', `/items/${item.itemId}`, { ...item, itemId: undefined }, await t.staff());
    await t.api('PUT', `/inventory/${item.itemId}/warehouses/${WAREHOUSE}`, { available: 5 }, await t.staff());
    const shopper = (
      await t.api('POST', '/users', { email: 'recon@example.com', password: 'reconcile', name: 'Recon' })
    ).body as { userId: string; token: string };
    await t.api(
      'POST',
      `/users/${shopper.userId}/addresses`,
      { line1: '1 River St', city: 'Hoboken', state: 'NJ', pincode: '07030' },
      shopper.token,
    );
    const buy = (method: string) =>
      t.api(
        'POST',
        `/users/${shopper.userId}/orders`,
        { lines: [{ itemId: item.itemId, quantity: 1 }], payment: { method } },
        shopper.token,
        { 'idempotency-key': randomUUID() },
      );
    expect((await buy('pay_success')).status).toBe(201);
    pending = ((await buy('pay_no_answer')).body as { order: Order }).order;
    await t.shop.close();
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives back the stock of an order cancelled behind its back, repairs a count overwritten outside the store, and then finds nothing', async () => {
    const file = t.config.sql.orders.kind === 'embedded' ? t.config.sql.orders.file : '';
    const sqlite = new Database(file);
    sqlite
      .prepare("update orders set status = 'CANCELLED', cancel_reason = 'customer' where order_id = ?")
      .run(pending.orderId);
    sqlite.prepare('update stock set available = 9 where item_id = ?').run(item.itemId);
    sqlite.close();

    const report = await runReconcile(t.config, noProgress);
    expect(report.orphanedHolds).toEqual([{ itemId: item.itemId, warehouseId: WAREHOUSE, units: 1 }]);
    // 5 counted, 2 held, 1 given back: 4, whatever the row said (9, then 10 with the hold returned).
    expect(report.drift).toEqual([{ itemId: item.itemId, warehouseId: WAREHOUSE, available: 10, expected: 4 }]);

    const again = await runReconcile(t.config, noProgress);
    expect(again).toEqual({ expiredOrders: 0, orphanedHolds: [], drift: [] });
    const check = new Database(file, { readonly: true });
    expect(check.prepare('select available from stock where item_id = ?').get(item.itemId)).toEqual({ available: 4 });
    check.close();
  });
});

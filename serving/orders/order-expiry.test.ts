import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUuid, systemClock } from '../../platform/clock.ts';
import { openDatabase } from '../../platform/sql/database.ts';
import { sharedDatabase } from '../../platform/sql/shared-database.ts';
import { SqlStockStore } from '../inventory/store/sql-stock-store.ts';
import { OrderEvents } from './order-events.ts';
import { expireIfUnpaid } from './order-expiry.ts';
import type { NewOrder } from './order.ts';
import type { ChargeOutcome, PaymentGateway } from './payments/payment-gateway.ts';
import { ordersDatabaseMigrations } from './store/migrations.ts';
import { SqlOrderStore, type OrdersDb } from './store/sql-order-store.ts';

describe('expireIfUnpaid', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-expiry-')), 'orders.db');
  const database = sharedDatabase(() => openDatabase<OrdersDb>({ kind: 'embedded', file }, ordersDatabaseMigrations));
  const stock = new SqlStockStore(database, { clock: systemClock, newId: newUuid });
  const orders = new SqlOrderStore(database, { clock: systemClock, events: new OrderEvents(newUuid) });
  const known = new Map<string, ChargeOutcome>();
  const gateway = { lookup: (orderId: string) => Promise.resolve(known.get(orderId)) } as PaymentGateway;
  let n = 0;
  const unpaid = async (): Promise<NewOrder> => {
    const order: NewOrder = {
      orderId: `order-${++n}`,
      userId: 'ann',
      clientKey: `key-${n}`,
      pincode: '07030',
      lines: [
        { itemId: 'kettle', category: 'kitchen', quantity: 1, unitPriceMinor: 2500, warehouseId: null, sellerId: null },
      ],
      totalMinor: 2500,
      currency: 'USD',
      expiresAt: 1000,
      createdAt: 0,
    };
    expect(await orders.create(order, new Map([['kettle', ['wh-a']]]))).toMatchObject({ kind: 'created' });
    return order;
  };
  const kettles = async () => (await stock.levels(['kettle'])).get('kettle')![0]!.available;

  beforeAll(async () => {
    await stock.start();
    await orders.start();
    await stock.set('kettle', 'wh-a', 10, 'stock take');
  });
  afterAll(async () => {
    await orders.close();
    await stock.close();
  });

  it('leaves an order alone before its expiry, and cancels an unpaid one after it, giving its stock back', async () => {
    const order = await unpaid();
    expect(await expireIfUnpaid({ orders, gateway }, order.orderId, 999)).toBe(false);
    expect(await expireIfUnpaid({ orders, gateway }, order.orderId, 1000)).toBe(true);
    expect(await orders.get(order.orderId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'expired' });
    expect(await kettles()).toBe(10);
  });

  it('places an order whose capture the gateway knows of', async () => {
    const order = await unpaid();
    known.set(order.orderId, { status: 'succeeded', paymentId: `pay-${order.orderId}`, amountMinor: 2500 });
    expect(await expireIfUnpaid({ orders, gateway }, order.orderId, 1000)).toBe(false);
    expect(await orders.get(order.orderId)).toMatchObject({ status: 'PLACED' });
    expect(await kettles()).toBe(9);
  });

  it('still expires an order whose capture cannot place it, so its stock is not held for good, and owes the refund', async () => {
    const order = await unpaid();
    const paymentId = `pay-${order.orderId}`;
    known.set(order.orderId, { status: 'succeeded', paymentId, amountMinor: 100 });
    expect(await expireIfUnpaid({ orders, gateway }, order.orderId, 1000)).toBe(true);
    expect(await orders.get(order.orderId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'expired' });
    expect(await kettles()).toBe(9);
    expect(await orders.refundsDue(10)).toContainEqual(expect.objectContaining({ paymentId, amountMinor: 100 }));
  });
});

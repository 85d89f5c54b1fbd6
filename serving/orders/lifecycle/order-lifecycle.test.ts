// The lifecycle against the embedded orders database and the simulated gateway: who may move an order, money and stock moved once, and the cancel-versus-ship race.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUuid } from '../../../platform/clock.ts';
import { silentLogger } from '../../../platform/logger.ts';
import { openDatabase } from '../../../platform/sql/database.ts';
import { sharedDatabase } from '../../../platform/sql/shared-database.ts';
import { SqlStockStore } from '../../inventory/store/sql-stock-store.ts';
import { OrderEvents } from '../order-events.ts';
import { OrderExpiry } from '../order-expiry.ts';
import type { NewOrder, Order } from '../order.ts';
import { SimulatedGateway } from '../payments/simulated-gateway.ts';
import { ordersDatabaseMigrations } from '../store/migrations.ts';
import { SqlOrderStore, type OrdersDb } from '../store/sql-order-store.ts';
import type { Caller } from './access.ts';
import { DEMO_PLAN } from './demo-fulfilment-plan.ts';
import { DemoFulfilment } from './demo-fulfilment.ts';
import { OrderLifecycle } from './order-lifecycle.ts';
import type { TimerQueue } from '../../../platform/jobs/timer-queue.ts';

const DAY = 86_400_000;
const ann: Caller = { kind: 'person', userId: 'ann', role: 'shopper' };
const bob: Caller = { kind: 'person', userId: 'bob', role: 'shopper' };
const staff: Caller = { kind: 'person', userId: 'sam', role: 'staff' };
const acme: Caller = { kind: 'supplier', supplierId: 'acme' };
const other: Caller = { kind: 'supplier', supplierId: 'globex' };
const SHIP = { kind: 'ship', carrier: 'UPS', trackingId: '1Z999' } as const;

/** A gateway whose refunds can be made to fail, counting every refund it actually made. */
class FlakyGateway extends SimulatedGateway {
  failRefunds = false;
  refundCalls = 0;
  override refund(paymentId: string, amountMinor: number): Promise<void> {
    this.refundCalls++;
    if (this.failRefunds) return Promise.reject(new Error('gateway down'));
    return super.refund(paymentId, amountMinor);
  }
}

describe('order lifecycle', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emporium-lifecycle-')), 'orders.db');
  const database = sharedDatabase(() => openDatabase<OrdersDb>({ kind: 'embedded', file }, ordersDatabaseMigrations));
  let now = Date.UTC(2026, 11, 1);
  const clock = () => now;
  const stock = new SqlStockStore(database, { clock, newId: newUuid });
  const orders = new SqlOrderStore(database, { clock, events: new OrderEvents(newUuid) });
  const gateway = new FlakyGateway('secret');
  const archived = new Map<string, Order>();
  const lifecycle = new OrderLifecycle({
    orders,
    archive: { get: (orderId) => Promise.resolve(archived.get(orderId)) },
    gateway,
    suppliersOf: (itemIds) => Promise.resolve(itemIds.map((id) => (id.startsWith('acme-') ? 'acme' : undefined))),
    policy: { returnWindowMs: 14 * DAY },
    logger: silentLogger,
  });
  let n = 0;

  /** A paid order of one acme item, as checkout leaves it. */
  const placed = async (itemId: string): Promise<Order> => {
    const order: NewOrder = {
      orderId: `order-${++n}`,
      userId: 'ann',
      clientKey: `key-${n}`,
      pincode: '07030',
      lines: [{ itemId, category: 'kitchen', quantity: 2, unitPriceMinor: 2500, warehouseId: null, sellerId: null }],
      totalMinor: 5000,
      currency: 'USD',
      expiresAt: now + DAY,
      createdAt: now,
    };
    expect(await orders.create(order, new Map([[itemId, ['wh-a']]]))).toMatchObject({ kind: 'created' });
    const paid = await orders.paymentSucceeded(order.orderId, `sim-${order.orderId}`, 5000);
    expect(paid.kind).toBe('placed');
    return paid.order;
  };
  const available = async (itemId: string) => (await stock.levels([itemId])).get(itemId)![0]!.available;
  const events = async (orderId: string) =>
    (await database().then((d) => d.db.selectFrom('outbox').select('payload').execute()))
      .map((r) => JSON.parse(r.payload) as { type: string; orderId?: string })
      .filter((e) => e.orderId === orderId)
      .map((e) => e.type);

  beforeAll(async () => {
    await stock.start();
    await orders.start();
  });
  afterAll(async () => {
    await orders.close();
    await stock.close();
  });

  it('lets the seller pack, ship and deliver, the shopper return and the seller receive it: one event per move, one refund', async () => {
    await stock.set('acme-kettle', 'wh-a', 10, 'stock take');
    const order = await placed('acme-kettle');
    await lifecycle.move(acme, order.orderId, { kind: 'pack' });
    expect(await lifecycle.move(acme, order.orderId, SHIP)).toMatchObject({ carrier: 'UPS', trackingId: '1Z999' });
    now += 2 * DAY;
    expect(await lifecycle.move(staff, order.orderId, { kind: 'deliver' })).toMatchObject({ deliveredAt: now });
    expect(await available('acme-kettle')).toBe(8);
    now += 13 * DAY;
    await lifecycle.move(ann, order.orderId, { kind: 'request_return' });
    expect(gateway.refunds.get(order.paymentId!)).toBe(5000);
    await lifecycle.move(acme, order.orderId, { kind: 'receive_return' });
    expect(await available('acme-kettle')).toBe(10);
    expect(await events(order.orderId)).toEqual([
      'OrderCreated',
      'PaymentSucceeded',
      'OrderPlaced',
      'OrderPacked',
      'OrderShipped',
      'OrderDelivered',
      'OrderReturnRequested',
      'PaymentRefunded',
      'OrderReturned',
    ]);
    expect((await orders.refundsDue(100)).map((r) => r.orderId)).not.toContain(order.orderId);
  });

  it('answers who may not see the order with a 404, a role that never makes the move with a 403, and the wrong moment with a 409 naming the status', async () => {
    await stock.set('acme-mug', 'wh-a', 10, 'stock take');
    const order = await placed('acme-mug');
    await expect(lifecycle.move(bob, order.orderId, { kind: 'cancel' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(lifecycle.move(other, order.orderId, { kind: 'pack' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(lifecycle.move(ann, order.orderId, { kind: 'pack' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(lifecycle.move(acme, order.orderId, SHIP)).rejects.toMatchObject({
      code: 'conflict',
      field: 'status',
      message: expect.stringContaining('the order is PLACED') as string,
    });
    await lifecycle.move(acme, order.orderId, { kind: 'pack' });
    await lifecycle.move(acme, order.orderId, SHIP);
    await expect(lifecycle.move(ann, order.orderId, { kind: 'cancel' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('the order is SHIPPED') as string,
    });
    // The seller may still cancel a shipped order: the units come back with the carrier.
    await lifecycle.move(acme, order.orderId, { kind: 'cancel' });
    expect(await available('acme-mug')).toBe(10);
    expect(gateway.refunds.get(order.paymentId!)).toBe(5000);
  });

  it('shows an order, live or archived, to its shopper, its seller and staff, and to no one else', async () => {
    await stock.set('acme-jug', 'wh-a', 10, 'stock take');
    const live = await placed('acme-jug');
    const gone = { ...(await placed('acme-jug')), orderId: 'order-archived' };
    archived.set(gone.orderId, gone);
    for (const order of [live, gone]) {
      for (const who of [ann, acme, staff])
        expect(await lifecycle.view(who, order.orderId)).toMatchObject({ orderId: order.orderId });
      for (const who of [bob, other])
        await expect(lifecycle.view(who, order.orderId)).rejects.toMatchObject({ code: 'not_found' });
    }
    await expect(lifecycle.view(staff, 'order-none')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a return after the window, naming the status', async () => {
    await stock.set('acme-pan', 'wh-a', 10, 'stock take');
    const order = await placed('acme-pan');
    for (const move of [{ kind: 'pack' }, SHIP, { kind: 'deliver' }] as const)
      await lifecycle.move(staff, order.orderId, move);
    now += 14 * DAY + 1;
    await expect(lifecycle.move(ann, order.orderId, { kind: 'request_return' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^the order is DELIVERED: returns closed/) as string,
    });
  });

  it('keeps a refund the gateway failed due, and the sweep pays it once', async () => {
    await stock.set('acme-cup', 'wh-a', 10, 'stock take');
    const order = await placed('acme-cup');
    gateway.failRefunds = true;
    await lifecycle.move(ann, order.orderId, { kind: 'cancel' });
    expect(gateway.refunds.has(order.paymentId!)).toBe(false);
    expect(await available('acme-cup')).toBe(10);
    gateway.failRefunds = false;
    const jobs = { handle: () => undefined, every: () => undefined } as unknown as TimerQueue;
    const sweep = new OrderExpiry({ orders, jobs, gateway, clock, logger: silentLogger, sweepEveryMs: 1000 });
    expect(await sweep.sweep()).toMatchObject({ refunded: 1 });
    expect(await sweep.sweep()).toMatchObject({ refunded: 0 });
    expect(gateway.refunds.get(order.paymentId!)).toBe(5000);
    expect((await events(order.orderId)).filter((t) => t === 'OrderCancelled')).toHaveLength(1);
  });

  it('ends a shopper cancelling while the seller ships, fired together 50 times, in exactly one outcome with money and stock consistent', async () => {
    await stock.set('acme-race', 'wh-a', 100, 'stock take');
    const refundsBefore = gateway.refundCalls;
    let cancelled = 0;
    for (let i = 0; i < 50; i++) {
      const order = await placed('acme-race');
      await lifecycle.move(acme, order.orderId, { kind: 'pack' });
      const [cancel, ship] = await Promise.allSettled([
        lifecycle.move(ann, order.orderId, { kind: 'cancel' }),
        lifecycle.move(acme, order.orderId, SHIP),
      ]);
      expect([cancel.status, ship.status].sort()).toEqual(['fulfilled', 'rejected']);
      const loser = (cancel.status === 'rejected' ? cancel : ship) as PromiseRejectedResult;
      expect(loser.reason).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/^the order is (CANCELLED|SHIPPED)/) as string,
      });
      const won = cancel.status === 'fulfilled';
      if (won) cancelled++;
      expect(gateway.refunds.has(order.paymentId!)).toBe(won);
      const types = await events(order.orderId);
      expect(types.filter((t) => t === 'OrderCancelled' || t === 'OrderShipped')).toEqual([
        won ? 'OrderCancelled' : 'OrderShipped',
      ]);
    }
    // Each order held 2 units: a shipped one keeps them, a cancelled one gave them back; one refund per cancel.
    expect(await available('acme-race')).toBe(100 - 2 * (50 - cancelled));
    expect(gateway.refundCalls - refundsBefore).toBe(cancelled);
    expect((await stock.drift()).filter((d) => d.itemId === 'acme-race')).toEqual([]);
  });

  it("moves the demo's orders along on the job queue's clock: packed within minutes, delivered when the promised window opens", async () => {
    await stock.set('acme-demo', 'wh-a', 10, 'stock take');
    const order = await placed('acme-demo');
    const cancelled = await placed('acme-demo');
    const window = { from: now + 6 * 3_600_000, to: now + 18 * 3_600_000 };
    let every: (() => Promise<void>) | undefined;
    const jobs = { every: (_name: string, _ms: number, task: () => Promise<void>) => void (every = task) };
    const demo = new DemoFulfilment({
      orders,
      lifecycle,
      jobs: jobs as unknown as TimerQueue,
      clock,
      logger: silentLogger,
      plan: DEMO_PLAN,
      promisedWindow: () => Promise.resolve(window),
      everyMs: 15_000,
    });
    await demo.start();
    const statusAfter = async (ms: number) => {
      now += ms;
      await every!();
      return (await orders.get(order.orderId))!.status;
    };
    expect(await statusAfter(60_000)).toBe('PLACED');
    await lifecycle.move(ann, cancelled.orderId, { kind: 'cancel' });
    expect(await statusAfter(60_000)).toBe('PACKED');
    expect(await statusAfter(5 * 60_000)).toBe('SHIPPED');
    expect(await statusAfter(60 * 60_000)).toBe('SHIPPED');
    now = window.from - 1;
    expect(await statusAfter(0)).toBe('SHIPPED');
    expect(await statusAfter(1)).toBe('DELIVERED');
    expect((await orders.get(order.orderId))!.deliveredAt).toBe(window.from);
    expect((await orders.get(cancelled.orderId))!.status).toBe('CANCELLED');
  });
});

// The order store contract: idempotent creation that holds every line's stock or creates nothing, never
// taking a count below zero, cancellation that gives stock back once, payments applied once, and a payment racing
// an expiry ending in exactly one outcome. Run against every adapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockStore } from '../../serving/inventory/store/stock-store.ts';
import type { NewOrder } from '../../serving/orders/order.ts';
import type { OrderStore } from '../../serving/orders/store/order-store.ts';

export interface OrderStoreHarness {
  open(): Promise<{ orders: OrderStore; stock: StockStore; close: () => Promise<void> }>;
  /** A name no earlier run used (real databases keep rows between runs). */
  unique(name: string): string;
}

const HOUR = 3_600_000;

export function orderStoreContract(name: string, makeHarness: () => OrderStoreHarness) {
  describe(`order store contract: ${name}`, () => {
    const h = makeHarness();
    let orders: OrderStore;
    let stock: StockStore;
    let close: () => Promise<void>;
    const now = Date.now();

    beforeAll(async () => {
      ({ orders, stock, close } = await h.open());
    });
    afterAll(async () => {
      await close?.();
    });

    const newOrder = (itemIds: string[], over: Partial<NewOrder> = {}): NewOrder => ({
      orderId: h.unique('order'),
      userId: h.unique('user'),
      clientKey: h.unique('key'),
      pincode: '07030',
      lines: itemIds.map((itemId) => ({ itemId, category: 'shirts', quantity: 1, unitPriceMinor: 1500, warehouseId: null })),
      totalMinor: 1500 * itemIds.length,
      currency: 'USD',
      expiresAt: now + HOUR,
      createdAt: now,
      ...over,
    });
    const available = async (itemId: string, warehouseId: string) =>
      (await stock.levels([itemId])).get(itemId)!.find((l) => l.warehouseId === warehouseId)?.available ?? 0;
    const from = (warehouseIds: string[], itemIds: string[]) => new Map(itemIds.map((itemId) => [itemId, warehouseIds]));
    /** A CREATED order holding one unit of the item in wh-a. */
    const reserved = async (itemId: string, over: Partial<NewOrder> = {}) => {
      const outcome = await orders.create(newOrder([itemId], over), from(['wh-a'], [itemId]));
      if (outcome.kind !== 'created') throw new Error(`expected the order to be created, got ${JSON.stringify(outcome)}`);
      return outcome.order;
    };

    it('creates an order once per shopper and client key, holding its stock once, and lists a shopper\'s orders newest first', async () => {
      const shirt = h.unique('shirt');
      await stock.set(shirt, 'wh-a', 5, 'stock take');
      const first = newOrder([shirt]);
      expect(await orders.create(first, from(['wh-a'], [shirt]))).toMatchObject({ kind: 'created', order: { status: 'CREATED', orderId: first.orderId } });
      const again = await orders.create({ ...first, orderId: h.unique('order') }, from(['wh-a'], [shirt]));
      expect(again).toMatchObject({ kind: 'existing', order: { orderId: first.orderId } });
      expect(await available(shirt, 'wh-a')).toBe(4);
      expect(await orders.byClientKey(first.userId, first.clientKey)).toMatchObject({ orderId: first.orderId });
      expect(await orders.byClientKey(first.userId, h.unique('other-key'))).toBeUndefined();
      const later = await reserved(shirt, { userId: first.userId, createdAt: now + 1 });
      expect((await orders.list(first.userId, 10)).map((o) => o.orderId)).toEqual([later.orderId, first.orderId]);
      expect(await orders.get(h.unique('missing'))).toBeUndefined();
    });

    it('creates exactly 5 of 50 parallel orders for 5 units; the rest are told which item ran out and leave no order', async () => {
      const item = h.unique('hot');
      await stock.set(item, 'wh-a', 5, 'stock take');
      const wanted = Array.from({ length: 50 }, () => newOrder([item]));
      const outcomes = await Promise.all(wanted.map((o) => orders.create(o, from(['wh-a'], [item]))));
      expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(5);
      expect(outcomes.filter((o) => o.kind !== 'created')).toEqual(Array.from({ length: 45 }, () => ({ kind: 'out_of_stock', itemId: item })));
      expect(await available(item, 'wh-a')).toBe(0);
      const refused = wanted.filter((_, i) => outcomes[i]!.kind === 'out_of_stock');
      expect(await Promise.all(refused.map((o) => orders.get(o.orderId)))).toEqual(refused.map(() => undefined));
    });

    it('holds all lines or creates nothing, each from the first listed warehouse that has enough', async () => {
      const [plenty, scarce, none] = [h.unique('plenty'), h.unique('scarce'), h.unique('none')];
      await stock.set(plenty, 'wh-a', 10, 'stock take');
      await stock.set(scarce, 'wh-a', 0, 'stock take');
      await stock.set(scarce, 'wh-b', 3, 'stock take');
      const failing = newOrder([plenty, none]);
      expect(await orders.create(failing, from(['wh-a', 'wh-b'], [plenty, none]))).toEqual({ kind: 'out_of_stock', itemId: none });
      expect(await available(plenty, 'wh-a')).toBe(10);
      expect(await orders.get(failing.orderId)).toBeUndefined();
      // Nothing of the refused order stays behind, its client key included: the shopper may try again.
      expect(await orders.byClientKey(failing.userId, failing.clientKey)).toBeUndefined();

      const outcome = await orders.create(newOrder([plenty, scarce]), from(['wh-a', 'wh-b'], [plenty, scarce]));
      expect(outcome.kind === 'created' && outcome.order.lines.map((l) => [l.itemId, l.warehouseId])).toEqual([
        [plenty, 'wh-a'],
        [scarce, 'wh-b'],
      ]);
      expect(outcome.kind === 'created' && (await orders.get(outcome.order.orderId))).toEqual(outcome.kind === 'created' && outcome.order);
      expect([await available(plenty, 'wh-a'), await available(scarce, 'wh-b')]).toEqual([9, 2]);
    });

    it('cancels an unpaid order once, giving its stock back, and leaves one that has not expired yet when asked to expire it', async () => {
      const item = h.unique('item');
      await stock.set(item, 'wh-a', 2, 'stock take');
      const order = await reserved(item);
      expect(await orders.cancel(order.orderId, 'expired', order.expiresAt - 1)).toBeUndefined();
      expect(await available(item, 'wh-a')).toBe(1);
      expect(await orders.cancel(order.orderId, 'expired', order.expiresAt)).toMatchObject({ status: 'CANCELLED', cancelReason: 'expired' });
      expect(await orders.cancel(order.orderId, 'expired', order.expiresAt)).toBeUndefined();
      expect(await available(item, 'wh-a')).toBe(2);
      expect(await orders.expired(order.expiresAt + 1, 1000)).not.toContain(order.orderId);
    });

    it('places an order on its payment once, however often the callback comes', async () => {
      const item = h.unique('item');
      await stock.set(item, 'wh-a', 1, 'stock take');
      const order = await reserved(item);
      const paymentId = h.unique('pay');
      expect(await orders.paymentSucceeded(order.orderId, paymentId, order.totalMinor)).toMatchObject({ kind: 'placed', order: { status: 'PLACED', paymentId } });
      expect(await orders.paymentSucceeded(order.orderId, paymentId, order.totalMinor)).toMatchObject({ kind: 'duplicate' });
      expect(await orders.cancel(order.orderId, 'expired', order.expiresAt)).toBeUndefined();
      expect(await available(item, 'wh-a')).toBe(0);
      expect(await orders.refundsDue(1000)).not.toContainEqual(expect.objectContaining({ paymentId }));
    });

    it('cancels on a declined payment and gives the stock back, once', async () => {
      const item = h.unique('item');
      await stock.set(item, 'wh-a', 1, 'stock take');
      const order = await reserved(item);
      const paymentId = h.unique('pay');
      expect(await orders.paymentFailed(order.orderId, paymentId, 'card declined')).toMatchObject({ duplicate: false, order: { status: 'CANCELLED', cancelReason: 'payment_failed' } });
      expect(await orders.paymentFailed(order.orderId, paymentId, 'card declined')).toMatchObject({ duplicate: true });
      expect(await available(item, 'wh-a')).toBe(1);
    });

    it('resolves a payment racing the expiry to one outcome: placed, with the stock held once', async () => {
      const item = h.unique('item');
      await stock.set(item, 'wh-a', 3, 'stock take');
      for (let i = 0; i < 5; i++) {
        const order = await reserved(item);
        const [, paid] = await Promise.all([orders.cancel(order.orderId, 'expired', order.expiresAt), orders.paymentSucceeded(order.orderId, h.unique('pay'), order.totalMinor)]);
        expect(['placed', 'replaced']).toContain(paid.kind);
        expect((await orders.get(order.orderId))!.status).toBe('PLACED');
        expect(await available(item, 'wh-a')).toBe(2);
        await stock.set(item, 'wh-a', 3, 'stock take');
      }
    });

    it('refunds a payment that arrives after expiry when the stock has gone; re-places the order when it is still there', async () => {
      const item = h.unique('item');
      await stock.set(item, 'wh-a', 1, 'stock take');
      const late = await reserved(item);
      await orders.cancel(late.orderId, 'expired', late.expiresAt);
      const replaced = await orders.paymentSucceeded(late.orderId, h.unique('pay'), late.totalMinor);
      expect(replaced).toMatchObject({ kind: 'replaced', order: { status: 'PLACED' } });
      expect(await available(item, 'wh-a')).toBe(0);

      await stock.set(item, 'wh-a', 1, 'stock take');
      const unlucky = await reserved(item);
      await orders.cancel(unlucky.orderId, 'expired', unlucky.expiresAt);
      await reserved(item);
      const paymentId = h.unique('pay');
      expect(await orders.paymentSucceeded(unlucky.orderId, paymentId, unlucky.totalMinor)).toMatchObject({ kind: 'refund_due', order: { status: 'CANCELLED' } });
      expect(await orders.refundsDue(1000)).toContainEqual({ paymentId, orderId: unlucky.orderId, amountMinor: unlucky.totalMinor, currency: 'USD' });
      await orders.markRefunded(paymentId);
      await orders.markRefunded(paymentId);
      expect(await orders.refundsDue(1000)).not.toContainEqual(expect.objectContaining({ paymentId }));
    });

    it('records every hold and release it makes, so the ledger explains every count', async () => {
      const item = h.unique('ledger');
      await stock.set(item, 'wh-a', 4, 'stock take');
      const cancelled = await reserved(item);
      await orders.cancel(cancelled.orderId, 'expired', cancelled.expiresAt);
      const replaced = await reserved(item);
      await orders.cancel(replaced.orderId, 'expired', replaced.expiresAt);
      await orders.paymentSucceeded(replaced.orderId, h.unique('pay'), replaced.totalMinor);
      await reserved(item);
      expect(await available(item, 'wh-a')).toBe(2);
      expect((await stock.drift()).filter((d) => d.itemId === item)).toEqual([]);
    });

    it('hands over finished orders for the archive and then forgets them, never a live one or one owed a refund', async () => {
      const item = h.unique('item');
      await stock.set(item, 'wh-a', 1, 'stock take');
      const cancelled = await reserved(item);
      await orders.cancel(cancelled.orderId, 'expired', cancelled.expiresAt);
      const owed = await reserved(item);
      await orders.cancel(owed.orderId, 'expired', owed.expiresAt);
      await reserved(item);
      await orders.paymentSucceeded(owed.orderId, h.unique('pay'), owed.totalMinor);
      await stock.set(item, 'wh-a', 1, 'stock take');
      const live = await reserved(item);
      const finished = (await orders.finished(Date.now() + HOUR, 100_000)).map((o) => o.orderId);
      expect(finished).toContain(cancelled.orderId);
      expect(finished).not.toContain(owed.orderId);
      expect(finished).not.toContain(live.orderId);
      expect(await orders.forget([cancelled.orderId, live.orderId])).toBe(1);
      expect(await orders.get(cancelled.orderId)).toBeUndefined();
      expect(await orders.get(live.orderId)).toBeDefined();
    });

    it('lists unpaid orders by expiry, and the expired ones at a given time', async () => {
      const item = h.unique('item');
      await stock.set(item, 'wh-a', 2, 'stock take');
      const soon = await reserved(item, { expiresAt: now - 1000 });
      const later = await reserved(item, { expiresAt: now + 10 * HOUR });
      const due = await orders.expired(now, 100_000);
      expect(due).toContain(soon.orderId);
      expect(due).not.toContain(later.orderId);
      const waiting = await orders.awaitingPayment(100_000);
      expect(waiting).toContainEqual({ orderId: later.orderId, expiresAt: later.expiresAt });
    });
  });
}

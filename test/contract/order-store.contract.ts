// The order store contract: idempotent creation that holds every line's stock or creates nothing, never
// taking a count below zero, cancellation that gives stock back once, payments applied once, and a payment racing
// an expiry ending in exactly one outcome. Run against every adapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockStore } from '../../serving/inventory/store/stock-store.ts';
import type { NewOrder } from '../../serving/orders/order.ts';
import type { Move } from '../../serving/orders/lifecycle/transitions.ts';
import type { OrderStore } from '../../serving/orders/store/order-store.ts';

export interface OrderStoreHarness {
  open(): Promise<{ orders: OrderStore; stock: StockStore; close: () => Promise<void> }>;
  /** A name no earlier run used (real databases keep rows between runs). */
  unique(name: string): string;
}

const HOUR = 3_600_000;
const policy = { returnWindowMs: 14 * 24 * HOUR };
const SHIP: Move = { kind: 'ship', carrier: 'UPS', trackingId: '1Z999AA10123456784' };

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

    const newOrder = (itemIds: string[], over: Partial<NewOrder> & { sellerId?: string } = {}): NewOrder => ({
      orderId: h.unique('order'),
      userId: h.unique('user'),
      clientKey: h.unique('key'),
      pincode: '07030',
      lines: itemIds.map((itemId) => ({
        itemId,
        category: 'shirts',
        quantity: 1,
        unitPriceMinor: 1500,
        warehouseId: null,
        sellerId: over.sellerId ?? 'sup-contract',
      })),
      totalMinor: 1500 * itemIds.length,
      currency: 'USD',
      expiresAt: now + HOUR,
      createdAt: now,
      ...over,
    });
    const available = async (itemId: string, warehouseId: string) =>
      (await stock.levels([itemId])).get(itemId)!.find((l) => l.warehouseId === warehouseId)?.available ?? 0;
    const from = (warehouseIds: string[], itemIds: string[]) =>
      new Map(itemIds.map((itemId) => [itemId, warehouseIds]));
    /** A CREATED order holding one unit of the item in wh-a. */
    const reserved = async (itemId: string, over: Partial<NewOrder> & { sellerId?: string } = {}) => {
      const outcome = await orders.create(newOrder([itemId], over), from(['wh-a'], [itemId]));
      if (outcome.kind !== 'created')
        throw new Error(`expected the order to be created, got ${JSON.stringify(outcome)}`);
      return outcome.order;
    };

    /** A PLACED order holding one unit of the item in wh-a, paid in full. */
    const placed = async (itemId: string, over: Partial<NewOrder> & { sellerId?: string } = {}) => {
      const order = await reserved(itemId, over);
      const paymentId = h.unique('pay');
      await orders.paymentSucceeded(order.orderId, paymentId, order.totalMinor);
      return { ...order, paymentId };
    };
    const dueFor = async (paymentId: string) =>
      (await orders.refundsDue(100_000)).filter((r) => r.paymentId === paymentId);

    it("creates an order once per shopper and client key, holding its stock once, and lists a shopper's orders newest first", async () => {
      const shirt = h.unique('shirt');
      await stock.set(shirt, 'wh-a', 5, 'stock take');
      const first = newOrder([shirt]);
      expect(await orders.create(first, from(['wh-a'], [shirt]))).toMatchObject({
        kind: 'created',
        order: { status: 'CREATED', orderId: first.orderId },
      });
      const again = await orders.create({ ...first, orderId: h.unique('order') }, from(['wh-a'], [shirt]));
      expect(again).toMatchObject({ kind: 'existing', order: { orderId: first.orderId } });
      expect(await available(shirt, 'wh-a')).toBe(4);
      expect(await orders.byClientKey(first.userId, first.clientKey)).toMatchObject({ orderId: first.orderId });
      expect(await orders.byClientKey(first.userId, h.unique('other-key'))).toBeUndefined();
      const later = await reserved(shirt, { userId: first.userId, createdAt: now + 1 });
      expect((await orders.list({ userId: first.userId }, { limit: 10 })).map((o) => o.orderId)).toEqual([
        later.orderId,
        first.orderId,
      ]);
      expect(await orders.get(h.unique('missing'))).toBeUndefined();
    });

    it("pages a shopper's and a seller's orders newest first after a position, ties in one millisecond by order id", async () => {
      const shirt = h.unique('paged');
      await stock.set(shirt, 'wh-a', 10, 'stock take');
      const [userId, sellerId] = [h.unique('user'), h.unique('seller')];
      const made = [];
      for (const [createdAt, orderId] of [
        [now, h.unique('order-b')],
        [now, h.unique('order-a')],
        [now - 1000, h.unique('order')],
        [now + 1000, h.unique('order')],
        [now, h.unique('order-c')],
      ] as const)
        made.push(await reserved(shirt, { userId, createdAt, orderId, sellerId }));
      const expected = made
        .sort((a, b) => b.createdAt - a.createdAt || (a.orderId < b.orderId ? -1 : 1))
        .map((o) => o.orderId);
      for (const of of [{ userId }, { sellerId }]) {
        const seen: string[] = [];
        let after: { createdAt: number; orderId: string } | undefined;
        for (;;) {
          const page = await orders.list(of, { limit: 2, ...(after ? { after } : {}) });
          if (page.length === 0) break;
          seen.push(...page.map((o) => o.orderId));
          const last = page[page.length - 1]!;
          after = { createdAt: last.createdAt, orderId: last.orderId };
        }
        expect(seen).toEqual(expected);
      }
    });

    it('lists a seller only the orders holding its items, in one status when asked', async () => {
      const [mine, theirs] = [h.unique('mug'), h.unique('cap')];
      await stock.set(mine, 'wh-a', 5, 'stock take');
      await stock.set(theirs, 'wh-a', 5, 'stock take');
      const [seller, other] = [h.unique('seller'), h.unique('seller')];
      const paid = await placed(mine, { sellerId: seller });
      const unpaid = await reserved(mine, { sellerId: seller, createdAt: now - 1 });
      await reserved(theirs, { sellerId: other });
      const ids = async (query: { status?: 'PLACED' | 'CREATED' }) =>
        (await orders.list({ sellerId: seller }, { limit: 10, ...query })).map((o) => o.orderId);
      expect(await ids({})).toEqual([paid.orderId, unpaid.orderId]);
      expect(await ids({ status: 'PLACED' })).toEqual([paid.orderId]);
      expect(await ids({ status: 'CREATED' })).toEqual([unpaid.orderId]);
      expect((await orders.list({ userId: paid.userId }, { limit: 10, status: 'CREATED' })).length).toBe(0);
      expect((await orders.get(paid.orderId))?.lines[0]?.sellerId).toBe(seller);
    });

    it('creates exactly 5 of 50 parallel orders for 5 units; the rest are told which item ran out and leave no order', async () => {
      const item = h.unique('hot');
      await stock.set(item, 'wh-a', 5, 'stock take');
      const wanted = Array.from({ length: 50 }, () => newOrder([item]));
      const outcomes = await Promise.all(wanted.map((o) => orders.create(o, from(['wh-a'], [item]))));
      expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(5);
      expect(outcomes.filter((o) => o.kind !== 'created')).toEqual(
        Array.from({ length: 45 }, () => ({ kind: 'out_of_stock', itemId: item })),
      );
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
      expect(await orders.create(failing, from(['wh-a', 'wh-b'], [plenty, none]))).toEqual({
        kind: 'out_of_stock',
        itemId: none,
      });
      expect(await available(plenty, 'wh-a')).toBe(10);
      expect(await orders.get(failing.orderId)).toBeUndefined();
      // Nothing of the refused order stays behind, its client key included: the shopper may try again.
      expect(await orders.byClientKey(failing.userId, failing.clientKey)).toBeUndefined();

      const outcome = await orders.create(newOrder([plenty, scarce]), from(['wh-a', 'wh-b'], [plenty, scarce]));
      expect(outcome.kind === 'created' && outcome.order.lines.map((l) => [l.itemId, l.warehouseId])).toEqual([
        [plenty, 'wh-a'],
        [scarce, 'wh-b'],
      ]);
      expect(outcome.kind === 'created' && (await orders.get(outcome.order.orderId))).toEqual(
        outcome.kind === 'created' && outcome.order,
      );
      expect([await available(plenty, 'wh-a'), await available(scarce, 'wh-b')]).toEqual([9, 2]);
    });

    it('cancels an unpaid order once, giving its stock back, and leaves one that has not expired yet when asked to expire it', async () => {
      const item = h.unique('item');
      await stock.set(item, 'wh-a', 2, 'stock take');
      const order = await reserved(item);
      expect(await orders.cancel(order.orderId, 'expired', order.expiresAt - 1)).toBeUndefined();
      expect(await available(item, 'wh-a')).toBe(1);
      expect(await orders.cancel(order.orderId, 'expired', order.expiresAt)).toMatchObject({
        status: 'CANCELLED',
        cancelReason: 'expired',
      });
      expect(await orders.cancel(order.orderId, 'expired', order.expiresAt)).toBeUndefined();
      expect(await available(item, 'wh-a')).toBe(2);
      expect(await orders.expired(order.expiresAt + 1, 1000)).not.toContain(order.orderId);
    });

    it('places an order on its payment once, however often the callback comes', async () => {
      const item = h.unique('item');
      await stock.set(item, 'wh-a', 1, 'stock take');
      const order = await reserved(item);
      const paymentId = h.unique('pay');
      expect(await orders.paymentSucceeded(order.orderId, paymentId, order.totalMinor)).toMatchObject({
        kind: 'placed',
        order: { status: 'PLACED', paymentId },
      });
      expect(await orders.paymentSucceeded(order.orderId, paymentId, order.totalMinor)).toMatchObject({
        kind: 'duplicate',
      });
      expect(await orders.cancel(order.orderId, 'expired', order.expiresAt)).toBeUndefined();
      expect(await available(item, 'wh-a')).toBe(0);
      expect(await orders.refundsDue(1000)).not.toContainEqual(expect.objectContaining({ paymentId }));
    });

    it('cancels on a declined payment and gives the stock back, once', async () => {
      const item = h.unique('item');
      await stock.set(item, 'wh-a', 1, 'stock take');
      const order = await reserved(item);
      const paymentId = h.unique('pay');
      expect(await orders.paymentFailed(order.orderId, paymentId, 'card declined')).toMatchObject({
        duplicate: false,
        order: { status: 'CANCELLED', cancelReason: 'payment_failed' },
      });
      expect(await orders.paymentFailed(order.orderId, paymentId, 'card declined')).toMatchObject({ duplicate: true });
      expect(await available(item, 'wh-a')).toBe(1);
    });

    it('resolves a payment racing the expiry to one outcome: placed, with the stock held once', async () => {
      const item = h.unique('item');
      await stock.set(item, 'wh-a', 3, 'stock take');
      for (let i = 0; i < 5; i++) {
        const order = await reserved(item);
        const [, paid] = await Promise.all([
          orders.cancel(order.orderId, 'expired', order.expiresAt),
          orders.paymentSucceeded(order.orderId, h.unique('pay'), order.totalMinor),
        ]);
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
      expect(await orders.paymentSucceeded(unlucky.orderId, paymentId, unlucky.totalMinor)).toMatchObject({
        kind: 'refund_due',
        order: { status: 'CANCELLED' },
      });
      expect(await orders.refundsDue(1000)).toContainEqual({
        paymentId,
        orderId: unlucky.orderId,
        amountMinor: unlucky.totalMinor,
        currency: 'USD',
      });
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
      const sellerId = h.unique('seller');
      await stock.set(item, 'wh-a', 1, 'stock take');
      const cancelled = await reserved(item, { sellerId });
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
      expect(await orders.list({ sellerId }, { limit: 10 })).toEqual([]);
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
    it('walks an order through packing, shipping, delivery and a return: the refund due once, the stock back once received', async () => {
      const item = h.unique('walk');
      await stock.set(item, 'wh-a', 3, 'stock take');
      const order = await placed(item);
      const inStatus = async (status: 'PLACED' | 'PACKED') =>
        (await orders.inStatus(status, Date.now() + HOUR, 100_000)).map((o) => o.orderId);
      expect(await inStatus('PLACED')).toContain(order.orderId);
      expect((await orders.inStatus('PLACED', 0, 100_000)).map((o) => o.orderId)).not.toContain(order.orderId);
      expect(await orders.advance(order.orderId, { kind: 'pack' }, 'seller', policy)).toMatchObject({
        kind: 'moved',
        order: { status: 'PACKED' },
        refund: undefined,
      });
      expect([await inStatus('PLACED'), await inStatus('PACKED')]).toEqual([
        expect.not.arrayContaining([order.orderId]),
        expect.arrayContaining([order.orderId]),
      ]);
      expect(await orders.advance(order.orderId, SHIP, 'seller', policy)).toMatchObject({
        order: { status: 'SHIPPED', carrier: 'UPS', trackingId: '1Z999AA10123456784' },
      });
      const delivered = await orders.advance(order.orderId, { kind: 'deliver' }, 'staff', policy);
      expect(delivered.order.deliveredAt).toEqual(expect.any(Number));
      expect(await available(item, 'wh-a')).toBe(2);
      const asked = await orders.advance(order.orderId, { kind: 'request_return' }, 'shopper', policy);
      expect(asked).toMatchObject({
        kind: 'moved',
        order: { status: 'RETURN_REQUESTED' },
        refund: { paymentId: order.paymentId, orderId: order.orderId, amountMinor: order.totalMinor, currency: 'USD' },
      });
      expect(await dueFor(order.paymentId)).toHaveLength(1);
      // Units with the shopper are not on the shelf until the return arrives.
      expect(await available(item, 'wh-a')).toBe(2);
      expect(await orders.advance(order.orderId, { kind: 'receive_return' }, 'seller', policy)).toMatchObject({
        order: { status: 'RETURNED' },
        refund: undefined,
      });
      expect(await orders.advance(order.orderId, { kind: 'receive_return' }, 'staff', policy)).toMatchObject({
        kind: 'refused',
        refusal: { code: 'conflict', message: expect.stringContaining('the order is RETURNED') as string },
      });
      expect(await available(item, 'wh-a')).toBe(3);
      await orders.markRefunded(order.paymentId);
      expect(await dueFor(order.paymentId)).toEqual([]);
      expect((await stock.drift()).filter((d) => d.itemId === item)).toEqual([]);
      expect((await orders.finished(Date.now() + HOUR, 100_000)).map((o) => o.orderId)).toContain(order.orderId);
    });

    it('refuses an illegal move without changing anything, naming the status the order is in', async () => {
      const item = h.unique('illegal');
      await stock.set(item, 'wh-a', 1, 'stock take');
      const order = await placed(item);
      const refused = await orders.advance(order.orderId, SHIP, 'seller', policy);
      expect(refused).toMatchObject({
        kind: 'refused',
        order: { status: 'PLACED' },
        refusal: {
          code: 'conflict',
          field: 'status',
          message: expect.stringContaining('the order is PLACED') as string,
        },
      });
      expect(await orders.advance(order.orderId, { kind: 'pack' }, 'shopper', policy)).toMatchObject({
        kind: 'refused',
        refusal: { code: 'forbidden' },
      });
      expect((await orders.get(order.orderId))!.status).toBe('PLACED');
      expect(await available(item, 'wh-a')).toBe(0);
      await expect(orders.advance(h.unique('missing'), { kind: 'pack' }, 'staff', policy)).rejects.toMatchObject({
        code: 'not_found',
      });
    });

    it('cancels a placed order once: the stock back once, the refund due once, and a later payment refunded rather than placed', async () => {
      const item = h.unique('cancel');
      await stock.set(item, 'wh-a', 1, 'stock take');
      const order = await placed(item);
      expect(await orders.advance(order.orderId, { kind: 'cancel' }, 'shopper', policy)).toMatchObject({
        order: { status: 'CANCELLED', cancelReason: 'customer' },
        refund: { paymentId: order.paymentId, amountMinor: order.totalMinor },
      });
      expect(await orders.advance(order.orderId, { kind: 'cancel' }, 'staff', policy)).toMatchObject({
        kind: 'refused',
        refusal: { message: expect.stringContaining('the order is CANCELLED') as string },
      });
      expect(await available(item, 'wh-a')).toBe(1);
      expect(await dueFor(order.paymentId)).toHaveLength(1);
      const second = h.unique('pay');
      expect(await orders.paymentSucceeded(order.orderId, second, order.totalMinor)).toMatchObject({
        kind: 'refund_due',
      });
      expect(await available(item, 'wh-a')).toBe(1);
      expect((await stock.drift()).filter((d) => d.itemId === item)).toEqual([]);
    });

    it('resolves a shopper cancelling while the seller ships to exactly one outcome, 20 times, money and stock consistent', async () => {
      const item = h.unique('race');
      await stock.set(item, 'wh-a', 20, 'stock take');
      let [cancelled, shipped] = [0, 0];
      for (let i = 0; i < 20; i++) {
        const order = await placed(item);
        await orders.advance(order.orderId, { kind: 'pack' }, 'seller', policy);
        const [cancel, ship] = await Promise.all([
          orders.advance(order.orderId, { kind: 'cancel' }, 'shopper', policy),
          orders.advance(order.orderId, SHIP, 'seller', policy),
        ]);
        expect([cancel.kind, ship.kind].sort()).toEqual(['moved', 'refused']);
        const now = (await orders.get(order.orderId))!;
        expect(now.status).toBe(cancel.kind === 'moved' ? 'CANCELLED' : 'SHIPPED');
        expect(await dueFor(order.paymentId)).toHaveLength(cancel.kind === 'moved' ? 1 : 0);
        if (cancel.kind === 'moved') cancelled++;
        else shipped++;
      }
      // Every shipped order still holds its unit; every cancelled one gave it back.
      expect(await available(item, 'wh-a')).toBe(20 - shipped);
      expect(cancelled + shipped).toBe(20);
      expect((await stock.drift()).filter((d) => d.itemId === item)).toEqual([]);
    });
  });
}

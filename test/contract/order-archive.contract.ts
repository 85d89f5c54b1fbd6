// The order archive contract: finished orders by id, by shopper and by seller, newest first, in one
// status when asked; writing one twice keeps one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderArchive } from '../../serving/orders/archive/order-archive.ts';
import type { Order } from '../../serving/orders/order.ts';

export interface OrderArchiveHarness {
  open(): Promise<OrderArchive>;
  unique(name: string): string;
}

export function orderArchiveContract(name: string, makeHarness: () => OrderArchiveHarness) {
  describe(`order archive contract: ${name}`, () => {
    const h = makeHarness();
    let archive: OrderArchive;
    beforeAll(async () => {
      archive = await h.open();
    });
    afterAll(async () => {
      await archive?.close();
    });

    const order = (userId: string, createdAt: number, over: Partial<Order> = {}): Order => ({
      orderId: h.unique('order'),
      userId,
      clientKey: h.unique('key'),
      status: 'CANCELLED',
      pincode: '07030',
      lines: [
        {
          itemId: 'itm-1',
          category: 'shirts',
          quantity: 2,
          unitPriceMinor: 1999,
          warehouseId: 'wh-01',
          sellerId: null,
        },
      ],
      totalMinor: 3998,
      currency: 'USD',
      paymentId: null,
      cancelReason: 'expired',
      carrier: null,
      trackingId: null,
      deliveredAt: null,
      expiresAt: createdAt + 900_000,
      createdAt,
      updatedAt: createdAt + 900_000,
      ...over,
    });

    it("lists a shopper's archived orders newest first, whole, and no one else's", async () => {
      const [ann, bob] = [h.unique('ann'), h.unique('bob')];
      const base = Date.UTC(2026, 0, 1);
      const orders = [
        order(ann, base),
        order(ann, base + 2000, { status: 'DELIVERED', cancelReason: null, paymentId: 'pay-1' }),
        order(ann, base + 1000),
        order(bob, base),
      ];
      await archive.put(orders);
      expect(await archive.list({ userId: ann }, { limit: 10 })).toEqual([orders[1], orders[2], orders[0]]);
      expect(await archive.list({ userId: ann }, { limit: 2 })).toEqual([orders[1], orders[2]]);
      expect(await archive.list({ userId: ann }, { limit: 10, status: 'DELIVERED' })).toEqual([orders[1]]);
      expect(await archive.get(orders[2]!.orderId)).toEqual(orders[2]);
      expect(await archive.get(h.unique('missing'))).toBeUndefined();
      expect(await archive.list({ userId: bob }, { limit: 10 })).toEqual([orders[3]]);
      expect(await archive.list({ userId: h.unique('nobody') }, { limit: 10 })).toEqual([]);
    });

    it('pages newest first after a position, ties in one millisecond by order id, each order once', async () => {
      const user = h.unique('dora');
      const base = Date.UTC(2026, 2, 1);
      const orders = [
        order(user, base + 2000),
        order(user, base + 1000, { orderId: h.unique('order-b') }),
        order(user, base + 1000, { orderId: h.unique('order-a') }),
        order(user, base + 1000, { orderId: h.unique('order-c') }),
        order(user, base),
      ];
      await archive.put(orders);
      const expected = [...orders].sort((a, b) => b.createdAt - a.createdAt || (a.orderId < b.orderId ? -1 : 1));
      const seen: Order[] = [];
      let after: Order | undefined;
      for (;;) {
        const page = await archive.list(
          { userId: user },
          { limit: 2, ...(after ? { after: { createdAt: after.createdAt, orderId: after.orderId } } : {}) },
        );
        if (page.length === 0) break;
        seen.push(...page);
        after = page[page.length - 1];
      }
      expect(seen.map((o) => o.orderId)).toEqual(expected.map((o) => o.orderId));
      const [, second] = expected as [Order, Order];
      expect(await archive.list({ userId: user }, { limit: 10, after: second })).toEqual(expected.slice(2));
    });

    it('keeps one copy of an order archived twice', async () => {
      const user = h.unique('carl');
      const once = order(user, Date.UTC(2026, 1, 1));
      await archive.put([once]);
      await archive.put([once]);
      expect(await archive.list({ userId: user }, { limit: 10 })).toEqual([once]);
    });

    it("lists a seller's archived orders: those holding its items, newest first, paged, in one status when asked", async () => {
      const [acme, zeta] = [h.unique('acme'), h.unique('zeta')];
      const base = Date.UTC(2026, 3, 1);
      const line = (sellerId: string) => ({ ...order('x', 0).lines[0]!, itemId: h.unique('itm'), sellerId });
      const both = order(h.unique('eve'), base + 2000, { lines: [line(acme), line(zeta)] });
      const acmeOnly = order(h.unique('fay'), base + 1000, {
        lines: [line(acme)],
        status: 'RETURNED',
        cancelReason: null,
      });
      const older = order(h.unique('gus'), base, { lines: [line(acme), line(acme)] });
      await archive.put([both, acmeOnly, older]);
      expect(await archive.list({ sellerId: acme }, { limit: 10 })).toEqual([both, acmeOnly, older]);
      expect(await archive.list({ sellerId: zeta }, { limit: 10 })).toEqual([both]);
      expect(await archive.list({ sellerId: acme }, { limit: 10, status: 'RETURNED' })).toEqual([acmeOnly]);
      expect(await archive.list({ sellerId: acme }, { limit: 1, after: both })).toEqual([acmeOnly]);
      expect(await archive.list({ sellerId: acme }, { limit: 10, after: acmeOnly, status: 'CANCELLED' })).toEqual([
        older,
      ]);
    });
  });
}

// The order archive contract: per-shopper storage of finished orders, newest first, idempotent writes.
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
      lines: [{ itemId: 'itm-1', category: 'shirts', quantity: 2, unitPriceMinor: 1999, warehouseId: 'wh-01' }],
      totalMinor: 3998,
      currency: 'USD',
      paymentId: null,
      cancelReason: 'expired',
      expiresAt: createdAt + 900_000,
      createdAt,
      updatedAt: createdAt + 900_000,
      ...over,
    });

    it("lists a shopper's archived orders newest first, whole, and no one else's", async () => {
      const [ann, bob] = [h.unique('ann'), h.unique('bob')];
      const base = Date.UTC(2026, 0, 1);
      const orders = [order(ann, base), order(ann, base + 2000, { status: 'DELIVERED', cancelReason: null, paymentId: 'pay-1' }), order(ann, base + 1000), order(bob, base)];
      await archive.put(orders);
      expect(await archive.list(ann, 10)).toEqual([orders[1], orders[2], orders[0]]);
      expect(await archive.list(ann, 2)).toEqual([orders[1], orders[2]]);
      expect(await archive.get(ann, orders[2]!.orderId)).toEqual(orders[2]);
      expect(await archive.get(bob, orders[2]!.orderId)).toBeUndefined();
      expect(await archive.list(h.unique('nobody'), 10)).toEqual([]);
    });

    it('keeps one copy of an order archived twice', async () => {
      const user = h.unique('carl');
      const once = order(user, Date.UTC(2026, 1, 1));
      await archive.put([once]);
      await archive.put([once]);
      expect(await archive.list(user, 10)).toEqual([once]);
    });
  });
}

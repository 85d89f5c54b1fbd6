// The list store contract (cart and wishlist lines), run against every adapter.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_QUANTITY, type ListStore } from '../../serving/cart/store/list-store.ts';

export interface ListStoreHarness {
  open(): Promise<ListStore>;
  unique(name: string): string;
}

export function listStoreContract(name: string, makeHarness: () => ListStoreHarness) {
  describe(`list store contract: ${name}`, () => {
    const h = makeHarness();
    const opened: ListStore[] = [];
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });
    const open = async () => {
      const store = await h.open();
      opened.push(store);
      return store;
    };

    it('sums adds of the same item into one line and keeps lines oldest first', async () => {
      const store = await open();
      const user = h.unique('sum');
      await store.increment(user, 'itm-b', 2, 1000);
      await store.increment(user, 'itm-a', 1, 2000);
      await store.increment(user, 'itm-b', 3, 3000);
      expect(await store.lines(user)).toEqual([
        { itemId: 'itm-b', quantity: 5, addedAt: 1000 },
        { itemId: 'itm-a', quantity: 1, addedAt: 2000 },
      ]);
    });

    it('sums 50 concurrent adds of one item exactly', async () => {
      const store = await open();
      const user = h.unique('concurrent');
      await Promise.all(Array.from({ length: 50 }, (_, i) => store.increment(user, 'itm-hot', 1 + (i % 2), 1000 + i)));
      expect(await store.lines(user)).toEqual([{ itemId: 'itm-hot', quantity: 75, addedAt: expect.any(Number) as number }]);
    });

    it(`refuses an add that would take a line over ${MAX_QUANTITY}, leaving the line as it was`, async () => {
      const store = await open();
      const user = h.unique('max');
      await store.increment(user, 'itm-a', MAX_QUANTITY - 1, 1000);
      await expect(store.increment(user, 'itm-a', 2, 2000)).rejects.toMatchObject({ code: 'conflict', field: 'quantity' });
      expect((await store.lines(user))[0]?.quantity).toBe(MAX_QUANTITY - 1);
    });

    it('adds a wishlist-style line only once', async () => {
      const store = await open();
      const user = h.unique('once');
      expect(await store.insertIfAbsent(user, 'itm-a', 1000)).toBe(true);
      expect(await store.insertIfAbsent(user, 'itm-a', 2000)).toBe(false);
      expect(await store.lines(user)).toEqual([{ itemId: 'itm-a', quantity: 1, addedAt: 1000 }]);
    });

    it('sets and removes a line answering what it held, and undefined for a line that is not there', async () => {
      const store = await open();
      const user = h.unique('set');
      await store.increment(user, 'itm-a', 2, 1000);
      expect(await store.setQuantity(user, 'itm-a', 7, 2000)).toBe(2);
      expect(await store.setQuantity(user, 'itm-missing', 7, 2000)).toBeUndefined();
      expect(await store.remove(user, 'itm-a')).toBe(7);
      expect(await store.remove(user, 'itm-a')).toBeUndefined();
      expect(await store.lines(user)).toEqual([]);
    });

    it("clears one shopper's lines, answering them, and leaves another shopper's alone", async () => {
      const store = await open();
      const [ann, bob] = [h.unique('ann'), h.unique('bob')];
      await store.increment(ann, 'itm-a', 1, 1000);
      await store.increment(ann, 'itm-b', 2, 2000);
      await store.increment(bob, 'itm-a', 3, 1500);
      expect((await store.clear(ann)).map((l) => [l.itemId, l.quantity])).toEqual([
        ['itm-a', 1],
        ['itm-b', 2],
      ]);
      expect(await store.lines(ann)).toEqual([]);
      expect(await store.lines(bob)).toEqual([{ itemId: 'itm-a', quantity: 3, addedAt: 1500 }]);
    });
  });
}

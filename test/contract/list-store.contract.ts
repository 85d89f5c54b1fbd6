// The list store contract (cart and wishlist lines), run against every adapter.
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../../platform/outbox/outbox.ts';
import type { Database } from '../../platform/sql/database.ts';
import { MAX_QUANTITY, type ListStore } from '../../serving/cart/store/list-store.ts';
import type { ListDb } from '../../serving/cart/store/sql-list-store.ts';

export interface ListStoreHarness {
  /** The database the store lives in, to read what it left in the outbox. */
  database(): Promise<Database<ListDb>>;
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
      expect(await store.lines(user)).toEqual([
        { itemId: 'itm-hot', quantity: 75, addedAt: expect.any(Number) as number },
      ]);
    });

    it(`refuses an add that would take a line over ${MAX_QUANTITY}, leaving the line as it was`, async () => {
      const store = await open();
      const user = h.unique('max');
      await store.increment(user, 'itm-a', MAX_QUANTITY - 1, 1000);
      await expect(store.increment(user, 'itm-a', 2, 2000)).rejects.toMatchObject({
        code: 'conflict',
        field: 'quantity',
      });
      expect((await store.lines(user))[0]?.quantity).toBe(MAX_QUANTITY - 1);
    });

    it('adds a wishlist-style line only once', async () => {
      const store = await open();
      const user = h.unique('once');
      expect(await store.keep(user, 'itm-a', 1, 1000)).toBe(true);
      expect(await store.keep(user, 'itm-a', 1, 2000)).toBe(false);
      expect(await store.lines(user)).toEqual([{ itemId: 'itm-a', quantity: 1, addedAt: 1000 }]);
    });

    it('keeps the quantity a line was kept with, raising a smaller line and never lowering one', async () => {
      const store = await open();
      const user = h.unique('keep');
      expect(await store.keep(user, 'itm-a', 3, 1000)).toBe(true);
      expect(await store.keep(user, 'itm-b', 1, 1000)).toBe(true);
      expect(await store.keep(user, 'itm-b', 4, 2000)).toBe(false);
      expect(await store.keep(user, 'itm-a', 2, 2000)).toBe(false);
      expect(await store.lines(user)).toEqual([
        { itemId: 'itm-a', quantity: 3, addedAt: 1000 },
        { itemId: 'itm-b', quantity: 4, addedAt: 1000 },
      ]);
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

    it('writes what a change announces to the outbox with the change, announces nothing where nothing changed, and undoes a change whose announcement fails', async () => {
      const store = await open();
      const user = h.unique('announce');
      const note = (what: string): OutboxEvent[] => [
        {
          topic: 'wishlist',
          event: {
            type: 'WishlistItemRemoved',
            eventId: `${user}-${what}`,
            occurredAt: 1000,
            userId: user,
            itemId: what,
            category: null,
          },
        },
      ];
      await store.increment(user, 'itm-a', 2, 1000, () => note('added'));
      expect(await store.keep(user, 'itm-a', 4, 1000, () => note('not-added'))).toBe(false);
      await store.setQuantity(user, 'itm-a', 5, 2000, (previous) => note(`from-${previous}`));
      await expect(
        store.setQuantity(user, 'itm-a', 9, 3000, () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await store.remove(user, 'itm-missing', () => note('missing'));
      await store.clear(user, (lines) => note(`cleared-${lines.map((l) => l.quantity).join()}`));
      expect(await store.clear(user, () => note('empty'))).toEqual([]);

      const database = await h.database();
      const rows = await database.db.selectFrom('outbox').select('payload').orderBy('id').execute();
      await database.close();
      const ids = rows
        .map((r) => (JSON.parse(r.payload) as { eventId: string }).eventId)
        .filter((id) => id.startsWith(`${user}-`));
      expect(ids).toEqual([`${user}-added`, `${user}-from-4`, `${user}-cleared-5`]);
    });
  });
}

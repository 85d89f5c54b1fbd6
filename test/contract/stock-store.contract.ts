// The stock store contract: levels per warehouse and a count that can never go below zero, on every adapter.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventOf } from '../../schemas/topics.ts';
import type { StockDb } from '../../serving/inventory/store/sql-stock-store.ts';
import type { StockStore } from '../../serving/inventory/store/stock-store.ts';
import type { Database } from '../../platform/sql/database.ts';

export interface StockStoreHarness {
  /** The database the store lives in, to read what it left in the outbox. */
  database(): Promise<Database<StockDb>>;
  open(): Promise<StockStore>;
  unique(name: string): string;
}

export function stockStoreContract(name: string, makeHarness: () => StockStoreHarness) {
  describe(`stock store contract: ${name}`, () => {
    const h = makeHarness();
    const opened: StockStore[] = [];
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });
    const open = async () => {
      const store = await h.open();
      opened.push(store);
      return store;
    };

    it('sets levels per warehouse, answers the level before, and lists them per item in warehouse order', async () => {
      const store = await open();
      const [shirt, tv, none] = [h.unique('shirt'), h.unique('tv'), h.unique('none')];
      expect(await store.set(shirt, 'wh-02', 5, 'stock take')).toBe(0);
      expect(await store.set(shirt, 'wh-01', 3, 'stock take')).toBe(0);
      expect(await store.set(shirt, 'wh-02', 7, 'stock take')).toBe(5);
      await store.set(tv, 'wh-01', 0, 'stock take');
      const levels = await store.levels([tv, shirt, none]);
      expect([...levels]).toEqual([
        [tv, [{ warehouseId: 'wh-01', available: 0 }]],
        [
          shirt,
          [
            { warehouseId: 'wh-01', available: 3 },
            { warehouseId: 'wh-02', available: 7 },
          ],
        ],
        [none, []],
      ]);
      expect(await store.levels([])).toEqual(new Map());
    });

    it('finds no drift where every count was set through the store', async () => {
      const store = await open();
      const item = h.unique('ledger');
      await store.set(item, 'wh-01', 4, 'stock take');
      await store.set(item, 'wh-01', 6, 'stock take');
      expect((await store.drift()).filter((d) => d.itemId === item)).toEqual([]);
    });

    it('announces each change of a count in the outbox, with its delta and reason, and a count set to what it was not at all', async () => {
      const store = await open();
      const item = h.unique('announced');
      await store.set(item, 'wh-01', 5, 'delivery');
      await store.set(item, 'wh-01', 5, 'stock take');
      await store.set(item, 'wh-01', 2, 'damaged');
      const database = await h.database();
      const rows = await database.db.selectFrom('outbox').select(['topic', 'payload']).orderBy('id').execute();
      await database.close();
      const announced = rows
        .filter((r) => r.topic === 'inventory.stock')
        .map((r) => JSON.parse(r.payload) as EventOf<'inventory.stock'>)
        .filter((e) => e.itemId === item)
        .map(({ warehouseId, available, delta, reason }) => ({ warehouseId, available, delta, reason }));
      expect(announced).toEqual([
        { warehouseId: 'wh-01', available: 5, delta: 5, reason: 'delivery' },
        { warehouseId: 'wh-01', available: 2, delta: -3, reason: 'damaged' },
      ]);
    });

    it('refuses a negative count and keeps the level it had', async () => {
      const store = await open();
      const item = h.unique('neg');
      await store.set(item, 'wh-01', 2, 'stock take');
      await expect(store.set(item, 'wh-01', -1, 'stock take')).rejects.toThrow();
      expect((await store.levels([item])).get(item)).toEqual([{ warehouseId: 'wh-01', available: 2 }]);
    });
  });
}

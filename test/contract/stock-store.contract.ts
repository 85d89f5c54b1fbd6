// The stock store contract: levels per warehouse and a count that can never go below zero, on every adapter.
import { afterEach, describe, expect, it } from 'vitest';
import type { StockStore } from '../../serving/inventory/store/stock-store.ts';

export interface StockStoreHarness {
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
      expect(await store.set(shirt, 'wh-02', 5)).toBe(0);
      expect(await store.set(shirt, 'wh-01', 3)).toBe(0);
      expect(await store.set(shirt, 'wh-02', 7)).toBe(5);
      await store.set(tv, 'wh-01', 0);
      const levels = await store.levels([tv, shirt, none]);
      expect([...levels]).toEqual([
        [tv, [{ warehouseId: 'wh-01', available: 0 }]],
        [shirt, [{ warehouseId: 'wh-01', available: 3 }, { warehouseId: 'wh-02', available: 7 }]],
        [none, []],
      ]);
      expect(await store.levels([])).toEqual(new Map());
    });

    it('finds no drift where every count was set through the store', async () => {
      const store = await open();
      const item = h.unique('ledger');
      await store.set(item, 'wh-01', 4);
      await store.set(item, 'wh-01', 6);
      expect((await store.drift()).filter((d) => d.itemId === item)).toEqual([]);
    });

    it('refuses a negative count and keeps the level it had', async () => {
      const store = await open();
      const item = h.unique('neg');
      await store.set(item, 'wh-01', 2);
      await expect(store.set(item, 'wh-01', -1)).rejects.toThrow();
      expect((await store.levels([item])).get(item)).toEqual([{ warehouseId: 'wh-01', available: 2 }]);
    });
  });
}

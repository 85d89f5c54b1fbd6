// The catalog store contract: embedded SQLite and MongoDB must answer every query alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItem } from '../../ingest/demo/items.ts';
import type { Item } from '../../serving/catalog/item.ts';
import type { CatalogStore } from '../../serving/catalog/store/catalog-store.ts';
import { categoryById } from '../../serving/catalog/taxonomy.ts';

const asItem = (index: number, overrides: Partial<Item> = {}): Item => {
  const supplied = demoItem(11, index);
  return { ...supplied, itemClass: categoryById(supplied.category)!.itemClass, updatedAt: 1_000 + index, ...overrides };
};

const shirt = (id: string, size: string, colour: string): Item =>
  asItem(0, { itemId: id, category: 'shirts', itemClass: 'standard', attributes: { size, colour } });

export function catalogStoreContract(adapter: string, open: () => Promise<CatalogStore>): void {
  describe(`catalog store contract: ${adapter}`, () => {
    let store: CatalogStore;
    beforeAll(async () => (store = await open()));
    afterAll(() => store.close());

    it('creates, reports an identical re-send unchanged, and a changed one updated', async () => {
      const item = asItem(1, { itemId: 'c-1' });
      expect(await store.upsertMany([item])).toEqual(['created']);
      expect(await store.upsertMany([{ ...item, updatedAt: 99_999 }])).toEqual(['unchanged']);
      expect(await store.upsertMany([{ ...item, priceMinor: item.priceMinor + 100 }])).toEqual(['updated']);
      expect((await store.get('c-1'))?.priceMinor).toBe(item.priceMinor + 100);
    });

    it('gets many in the order asked, with undefined for missing ids', async () => {
      await store.upsertMany([asItem(2, { itemId: 'g-2' }), asItem(3, { itemId: 'g-3' })]);
      const got = await store.getMany(['g-3', 'missing', 'g-2']);
      expect(got.map((i) => i?.itemId)).toEqual(['g-3', undefined, 'g-2']);
      expect(got[0]).toEqual(asItem(3, { itemId: 'g-3' }));
    });

    it('filters heterogeneous items by category and several attribute values', async () => {
      await store.upsertMany([
        shirt('q-shirt-m-blue', 'M', 'blue'),
        shirt('q-shirt-m-red', 'M', 'red'),
        shirt('q-shirt-l-blue', 'L', 'blue'),
        asItem(4, {
          itemId: 'q-tv',
          category: 'televisions',
          itemClass: 'large',
          attributes: { screen_size: '55', resolution: '4K' },
        }),
        asItem(5, {
          itemId: 'q-bread',
          category: 'bread',
          itemClass: 'cold',
          attributes: { type: 'rye', weight: '500g' },
        }),
      ]);
      const mBlue = await store.list({ category: 'shirts', attributes: { size: 'M', colour: 'blue' }, limit: 50 });
      expect(mBlue.items.map((i) => i.itemId)).toEqual(['q-shirt-m-blue']);
      const blue = await store.list({ category: 'shirts', attributes: { colour: 'blue' }, limit: 50 });
      expect(blue.items.map((i) => i.itemId)).toEqual(['q-shirt-l-blue', 'q-shirt-m-blue']);
      const rye = await store.list({ attributes: { type: 'rye' }, limit: 50 });
      expect(rye.items.map((i) => i.itemId)).toEqual(['q-bread']);
    });

    it('pages through a category with a cursor, each item once', async () => {
      await store.upsertMany(Array.from({ length: 7 }, (_, i) => shirt(`p-${i}`, 'S', 'green')));
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await store.list({ category: 'shirts', attributes: { colour: 'green' }, limit: 3, after });
        seen.push(...page.items.map((i) => i.itemId));
        after = page.next ?? undefined;
      } while (after);
      expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `p-${i}`));
    });

    it('drops an old attribute value from queries when an item is updated', async () => {
      await store.upsertMany([shirt('u-1', 'M', 'pink')]);
      await store.upsertMany([shirt('u-1', 'M', 'navy')]);
      expect(
        (await store.list({ attributes: { colour: 'pink' }, limit: 10 })).items.map((i) => i.itemId),
      ).not.toContain('u-1');
      expect((await store.list({ attributes: { colour: 'navy' }, limit: 10 })).items.map((i) => i.itemId)).toContain(
        'u-1',
      );
    });

    it('removes an item from gets and queries, and says whether there was one', async () => {
      await store.upsertMany([shirt('r-1', 'XL', 'beige')]);
      expect(await store.remove('r-1')).toBe(true);
      expect(await store.remove('r-1')).toBe(false);
      expect(await store.get('r-1')).toBeUndefined();
      expect((await store.list({ attributes: { colour: 'beige' }, limit: 10 })).items).toEqual([]);
    });

    it('counts what it holds', async () => {
      const before = await store.count();
      await store.upsertMany([asItem(6, { itemId: 'n-1' }), asItem(7, { itemId: 'n-2' })]);
      expect(await store.count()).toBe(before + 2);
    });
  });
}

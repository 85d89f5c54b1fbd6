// The search index contract: text with typos and prefixes, filters, facets, delivery and stock, run
// against every adapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reachable, SearchDoc, SearchIndex, SearchQuery } from '../../serving/search/index/search-index.ts';

export interface SearchIndexHarness {
  open(): Promise<SearchIndex>;
  /** Makes what was written visible to searches (a refresh on Elasticsearch). */
  settle(index: SearchIndex): Promise<void>;
}

const doc = (itemId: string, over: Partial<SearchDoc>): SearchDoc => ({
  itemId,
  name: 'Plain Item',
  description: 'Something useful.',
  brand: 'Generic',
  category: 'shirts',
  attributes: {},
  priceMinor: 1000,
  itemClass: 'standard',
  ...over,
});

const DOCS: SearchDoc[] = [
  doc('tv-samsung', {
    name: 'Samsung Crystal TV (55 screen size)',
    brand: 'Samsung',
    category: 'televisions',
    itemClass: 'large',
    priceMinor: 49999,
    attributes: { screen_size: '55', resolution: '4K' },
  }),
  doc('tv-lg', {
    name: 'LG OLED TV (65 screen size)',
    brand: 'LG',
    category: 'televisions',
    itemClass: 'large',
    priceMinor: 129999,
    attributes: { screen_size: '65', resolution: '4K' },
  }),
  doc('phone-samsung', {
    name: 'Samsung Galaxy Phone',
    brand: 'Samsung',
    category: 'phones',
    priceMinor: 79999,
    attributes: { storage: '256GB', colour: 'black' },
  }),
  doc('shirt-m-blue', {
    name: 'Oxford Shirt',
    brand: 'Arrow',
    priceMinor: 2999,
    attributes: { size: 'M', colour: 'blue' },
  }),
  doc('shirt-m-white', {
    name: 'Linen Shirt',
    brand: 'Arrow',
    priceMinor: 3999,
    attributes: { size: 'M', colour: 'white' },
  }),
  doc('shirt-l-blue', {
    name: 'Flannel Shirt',
    brand: 'Gant',
    priceMinor: 4999,
    attributes: { size: 'L', colour: 'blue' },
  }),
  doc('shirt-m-blue-2', {
    name: 'Poplin Shirt',
    brand: 'Gant',
    priceMinor: 1999,
    attributes: { size: 'M', colour: 'blue' },
  }),
  doc('milk', {
    name: 'Organic Milk',
    brand: 'Fage',
    category: 'dairy',
    itemClass: 'cold',
    priceMinor: 399,
    attributes: { type: 'whole' },
  }),
];

// The shopper's pincode: the east warehouse reaches it in a day for everything but cold goods; the
// west one in three days, but not for large items; cold goods come from nowhere.
const REACH: Reachable = {
  standard: { 'wh-east': 1440, 'wh-west': 4320 },
  fragile: { 'wh-east': 1440 },
  large: { 'wh-east': 1440 },
  cold: {},
};

export function searchIndexContract(name: string, makeHarness: () => SearchIndexHarness) {
  describe(`search index contract: ${name}`, () => {
    const h = makeHarness();
    let index: SearchIndex;
    const search = async (over: Partial<SearchQuery>) => {
      await h.settle(index);
      return index.search({ text: '', reachable: REACH, sort: 'relevance', offset: 0, limit: 20, ...over });
    };
    const ids = async (over: Partial<SearchQuery>) => (await search(over)).hits.map((hit) => hit.itemId);

    beforeAll(async () => {
      index = await h.open();
      await index.upsert(DOCS);
      const east = DOCS.filter((d) => d.itemId !== 'shirt-l-blue').map((d) => ({
        itemId: d.itemId,
        warehouseId: 'wh-east',
        inStock: true,
      }));
      await index.setStock([
        ...east,
        { itemId: 'shirt-l-blue', warehouseId: 'wh-west', inStock: true },
        { itemId: 'shirt-m-blue', warehouseId: 'wh-west', inStock: true },
      ]);
    });
    afterAll(async () => {
      await index?.close();
    });

    it('finds an item through a typo and a short word: "smasung tv"', async () => {
      expect((await ids({ text: 'smasung tv' }))[0]).toBe('tv-samsung');
    });

    it('says how it read a misspelt word, but not a known word or one still being typed', async () => {
      expect((await search({ text: 'smasung tv' })).correctedText).toBe('samsung tv');
      expect((await search({ text: 'samsung tv' })).correctedText).toBeUndefined();
      expect((await search({ text: 'sams' })).correctedText).toBeUndefined();
    });

    it('completes the last word as a prefix while typing', async () => {
      expect(await ids({ text: 'sams' })).toEqual(expect.arrayContaining(['tv-samsung', 'phone-samsung']));
    });

    it('filters by category and attributes and counts facet values over the deliverable matches', async () => {
      const result = await search({ text: 'shirt', category: 'shirts', attributes: { size: ['M'] } });
      expect(result.hits.map((h) => h.itemId).sort()).toEqual(['shirt-m-blue', 'shirt-m-blue-2', 'shirt-m-white']);
      expect(result.total).toBe(3);
      expect(result.facets.attributes.colour).toEqual([
        { value: 'blue', count: 2 },
        { value: 'white', count: 1 },
      ]);
      expect(result.facets.brand).toEqual([
        { value: 'Arrow', count: 2 },
        { value: 'Gant', count: 1 },
      ]);
    });

    it('filters by brand, any of several', async () => {
      const gant = await search({ text: 'shirt', category: 'shirts', brands: ['Gant'] });
      expect(gant.hits.every((h) => h.itemId.startsWith('shirt'))).toBe(true);
      expect(gant.facets.brand).toEqual([{ value: 'Gant', count: gant.total }]);
      const both = await search({ text: 'shirt', category: 'shirts', brands: ['Gant', 'Arrow'] });
      expect(both.total).toBeGreaterThan(gant.total);
      expect(await ids({ text: 'shirt', brands: ['Nobody'] })).toEqual([]);
    });

    it('never shows an item no stocked warehouse can deliver, and attaches the fastest one', async () => {
      expect(await ids({ text: 'milk' })).toEqual([]);
      const flannel = await search({ text: 'flannel shirt' });
      expect(flannel.hits).toEqual([
        expect.objectContaining({ itemId: 'shirt-l-blue', warehouseId: 'wh-west', tatMinutes: 4320 }),
      ]);
      const eastOnly: Reachable = { ...REACH, standard: { 'wh-east': 1440 } };
      expect(await ids({ text: 'flannel', reachable: eastOnly })).toEqual([]);
      const oxford = await search({ text: 'oxford' });
      expect(oxford.hits[0]).toMatchObject({ warehouseId: 'wh-east', tatMinutes: 1440 });
    });

    it('hides an item sold out everywhere and shows it again when restocked', async () => {
      await index.setStock([{ itemId: 'tv-lg', warehouseId: 'wh-east', inStock: false }]);
      expect(await ids({ text: 'oled' })).toEqual([]);
      await index.setStock([{ itemId: 'tv-lg', warehouseId: 'wh-east', inStock: true }]);
      expect(await ids({ text: 'oled' })).toEqual(['tv-lg']);
    });

    it('keeps stock that arrives before its item, and across a remove and re-add', async () => {
      await index.setStock([{ itemId: 'kettle', warehouseId: 'wh-east', inStock: true }]);
      expect(await ids({ text: 'kettle' })).toEqual([]);
      const kettle = doc('kettle', { name: 'Steel Kettle', category: 'kitchen', priceMinor: 2500 });
      await index.upsert([kettle]);
      expect(await ids({ text: 'kettle' })).toEqual(['kettle']);
      await index.remove(['kettle']);
      expect(await ids({ text: 'kettle' })).toEqual([]);
      await index.upsert([kettle]);
      expect(await ids({ text: 'kettle' })).toEqual(['kettle']);
      await index.remove(['kettle']);
    });

    it('sorts by price either way, filters a price range and pages through results', async () => {
      expect(await ids({ category: 'shirts', sort: 'price_asc' })).toEqual([
        'shirt-m-blue-2',
        'shirt-m-blue',
        'shirt-m-white',
        'shirt-l-blue',
      ]);
      expect(await ids({ category: 'shirts', sort: 'price_desc', limit: 2 })).toEqual([
        'shirt-l-blue',
        'shirt-m-white',
      ]);
      expect(await ids({ category: 'shirts', sort: 'price_desc', offset: 2, limit: 2 })).toEqual([
        'shirt-m-blue',
        'shirt-m-blue-2',
      ]);
      expect(await ids({ priceMinMinor: 3000, priceMaxMinor: 50000, sort: 'price_asc' })).toEqual([
        'shirt-m-white',
        'shirt-l-blue',
        'tv-samsung',
      ]);
      expect((await search({ category: 'shirts', limit: 1 })).total).toBe(4);
    });

    it('sorts by delivery speed', async () => {
      expect((await ids({ text: 'shirt', sort: 'delivery' })).at(-1)).toBe('shirt-l-blue');
    });

    it('replaces an item on upsert and forgets it on remove', async () => {
      await index.upsert([
        doc('shirt-m-white', {
          name: 'Seersucker Shirt',
          brand: 'Arrow',
          priceMinor: 3999,
          attributes: { size: 'M', colour: 'white' },
        }),
      ]);
      expect(await ids({ text: 'linen' })).toEqual([]);
      expect(await ids({ text: 'seersucker' })).toEqual(['shirt-m-white']);
      await index.remove(['shirt-m-white']);
      expect(await ids({ text: 'seersucker' })).toEqual([]);
      await h.settle(index);
      expect(await index.count()).toBe(DOCS.length - 1);
    });
  });
}

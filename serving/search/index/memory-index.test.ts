import { describe, expect, it } from 'vitest';
import { MemoryIndex } from './memory-index.ts';
import type { Reachable, SearchDoc } from './search-index.ts';

const REACH: Reachable = { standard: { 'wh-east': 1440 }, fragile: {}, large: {}, cold: {} };

const shirt = (itemId: string, attributes: Record<string, string>): SearchDoc => ({
  itemId,
  name: 'Oxford Shirt',
  description: '',
  brand: 'Arrow',
  category: 'shirts',
  attributes,
  priceMinor: 2999,
  itemClass: 'standard',
});

describe('MemoryIndex', () => {
  it('keeps every item findable by its filters and stock when a later item brings more attributes than any before', async () => {
    const index = new MemoryIndex();
    const blue = Array.from({ length: 50 }, (_, i) => shirt(`blue-${i}`, { colour: 'blue', size: 'M' }));
    await index.upsert(blue);
    await index.setStock(blue.map((d) => ({ itemId: d.itemId, warehouseId: 'wh-east', inStock: true })));
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`detail_${i}`, `value ${i}`]));
    await index.upsert([shirt('detailed', { ...many, colour: 'white' })]);
    await index.setStock([{ itemId: 'detailed', warehouseId: 'wh-east', inStock: true }]);

    const blueShirts = await index.search({
      text: 'shirt',
      attributes: { colour: ['blue'] },
      reachable: REACH,
      sort: 'relevance',
      offset: 0,
      limit: 100,
    });
    expect(blueShirts.total).toBe(50);
    expect(blueShirts.facets.attributes.size).toEqual([{ value: 'M', count: 50 }]);
    const detailed = await index.search({
      text: 'shirt',
      attributes: { detail_29: ['value 29'] },
      reachable: REACH,
      sort: 'relevance',
      offset: 0,
      limit: 10,
    });
    expect(detailed.hits.map((h) => h.itemId)).toEqual(['detailed']);
    expect(detailed.hits[0]).toMatchObject({ warehouseId: 'wh-east', tatMinutes: 1440 });
  });

  it('answers every query the same after laying its slots out again, and keeps taking writes afterwards', async () => {
    const index = new MemoryIndex();
    // Arriving with categories interleaved, as a catalog is loaded: the layout has something to reorder.
    const kinds = [
      { category: 'shirts', name: 'Oxford Shirt', brand: 'Arrow', colours: ['blue', 'white'] },
      { category: 'televisions', name: 'Crystal TV', brand: 'Samsung', colours: ['black'] },
      { category: 'phones', name: 'Galaxy Phone', brand: 'Samsung', colours: ['black', 'blue'] },
    ];
    const docs = Array.from({ length: 1200 }, (_, i): SearchDoc => {
      const kind = kinds[i % 3]!;
      const description = `${kind.brand} `.repeat(i % 4); // scores that differ within a posting list
      return {
        ...shirt(`item-${i}`, { colour: kind.colours[i % kind.colours.length]! }),
        ...kind,
        name: `${kind.name} ${i % 7}`,
        description,
        priceMinor: 1000 + i,
      };
    });
    await index.upsert(docs);
    await index.setStock(
      docs.filter((_, i) => i % 5 !== 0).map((d) => ({ itemId: d.itemId, warehouseId: 'wh-east', inStock: true })),
    );
    const queries = [
      { text: 'samsung' },
      { text: 'shirt', attributes: { colour: ['blue'] } },
      { text: 'galxy', category: 'phones' },
      { text: '', sort: 'price_desc' as const },
    ];
    const answers = () =>
      Promise.all(
        queries.map((q) => index.search({ reachable: REACH, sort: 'relevance', offset: 0, limit: 2000, ...q })),
      );
    // Equal scores are ordered by slot, which the layout changes: hits are compared as sets with their scores.
    const comparable = (results: Awaited<ReturnType<typeof answers>>) =>
      results.map(({ total, facets, hits }) => ({
        total,
        facets,
        hits: hits.map((h) => `${h.itemId} ${h.score}`).sort(),
      }));

    const before = comparable(await answers());
    expect(index.layOut('ongoing')).toBe(true);
    expect(comparable(await answers())).toEqual(before);
    expect(before.map((a) => a.total)).toEqual([640, 160, 320, 960]);
    expect(index.layOut('settled')).toBe(false);

    await index.remove(['item-1']);
    await index.upsert([{ ...docs[4]!, category: 'phones', name: 'Galaxy Phone case' }]);
    await index.setStock([{ itemId: 'item-2', warehouseId: 'wh-east', inStock: false }]);
    const phones = await index.search({
      text: 'galaxy',
      category: 'phones',
      reachable: REACH,
      sort: 'relevance',
      offset: 0,
      limit: 2000,
    });
    // item-4 joins the phones, item-2 is out of stock, item-1 (a TV) is gone.
    expect(phones.total).toBe(320 + 1 - 1);
    expect(phones.hits.map((h) => h.itemId)).toContain('item-4');
    expect(phones.hits.map((h) => h.itemId)).not.toContain('item-2');
    // A category filter reads that category's span of the laid-out slots, and every slot written since.
    const browsed = await index.search({
      text: '',
      category: 'phones',
      reachable: REACH,
      sort: 'relevance',
      offset: 0,
      limit: 2000,
    });
    expect(browsed.total).toBe(320);
    await index.upsert([{ ...docs[7]!, itemId: 'laptop', category: 'laptops', name: 'Galaxy Book' }]);
    await index.setStock([{ itemId: 'laptop', warehouseId: 'wh-east', inStock: true }]);
    const laptops = await index.search({
      text: 'galaxy',
      category: 'laptops',
      reachable: REACH,
      sort: 'relevance',
      offset: 0,
      limit: 10,
    });
    expect(laptops.hits.map((h) => h.itemId)).toEqual(['laptop']);
    const tvs = await index.search({ text: 'crystal', reachable: REACH, sort: 'relevance', offset: 0, limit: 2000 });
    expect(tvs.hits.map((h) => h.itemId)).not.toContain('item-1');
    expect(tvs.total).toBe(320 - 2);
  });

  it('lays out a load still going on once a quarter of it arrived, and any thousand arrivals once writes settle', async () => {
    const index = new MemoryIndex();
    const docs = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => shirt(`shirt-${from + i}`, { colour: 'blue' }));
    await index.upsert(docs(0, 999));
    expect(index.layOut('settled')).toBe(false);
    await index.upsert(docs(999, 4001));
    expect(index.layOut('ongoing')).toBe(true);
    await index.upsert(docs(5000, 1000));
    expect(index.layOut('ongoing')).toBe(false);
    expect(index.layOut('settled')).toBe(true);
  });

  it('gives every hit of a query without words a score, even in an index that has not yet been asked one with words', async () => {
    const index = new MemoryIndex();
    await index.upsert([shirt('plain', { colour: 'white' })]);
    await index.setStock([{ itemId: 'plain', warehouseId: 'wh-east', inStock: true }]);
    const browsed = await index.search({
      text: '',
      category: 'shirts',
      reachable: REACH,
      sort: 'relevance',
      offset: 0,
      limit: 10,
    });
    expect(browsed.hits).toEqual([{ itemId: 'plain', score: 0, warehouseId: 'wh-east', tatMinutes: 1440 }]);
  });

  it('says how it read a misspelt word, picking the spelling most items use, but not a word still being typed', async () => {
    const index = new MemoryIndex();
    const tv = (itemId: string, brand: string): SearchDoc => ({ ...shirt(itemId, {}), name: `${brand} TV`, brand });
    await index.upsert([tv('a', 'Samsung'), tv('b', 'Samsung'), tv('c', 'Samsang')]);
    await index.setStock(['a', 'b', 'c'].map((itemId) => ({ itemId, warehouseId: 'wh-east', inStock: true })));
    const read = async (text: string) =>
      (await index.search({ text, reachable: REACH, sort: 'relevance', offset: 0, limit: 10 })).correctedText;
    // "samsong" is one edit from both; two items say Samsung, one Samsang.
    expect(await read('samsong tv')).toBe('samsung tv');
    expect(await read('tv smasung')).toBe('tv samsung');
    expect(await read('samsung tv')).toBeUndefined();
    expect(await read('sams')).toBeUndefined();
    expect(await read('qqqqqq')).toBeUndefined();
  });
});

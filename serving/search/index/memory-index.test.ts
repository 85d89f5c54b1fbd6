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

    const blueShirts = await index.search({ text: 'shirt', attributes: { colour: ['blue'] }, reachable: REACH, sort: 'relevance', offset: 0, limit: 100 });
    expect(blueShirts.total).toBe(50);
    expect(blueShirts.facets.attributes.size).toEqual([{ value: 'M', count: 50 }]);
    const detailed = await index.search({ text: 'shirt', attributes: { detail_29: ['value 29'] }, reachable: REACH, sort: 'relevance', offset: 0, limit: 10 });
    expect(detailed.hits.map((h) => h.itemId)).toEqual(['detailed']);
    expect(detailed.hits[0]).toMatchObject({ warehouseId: 'wh-east', tatMinutes: 1440 });
  });
});

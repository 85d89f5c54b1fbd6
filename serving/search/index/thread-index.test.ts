import { afterEach, describe, expect, it } from 'vitest';
import { ThreadIndex } from './thread-index.ts';

describe('ThreadIndex', () => {
  const index = new ThreadIndex();
  afterEach(() => index.close());

  it("answers a refused write with the index's own reason and keeps serving afterwards", async () => {
    await index.start();
    await index.upsert([{ itemId: 'tv', name: 'Crystal TV', description: '', brand: 'Samsung', category: 'televisions', attributes: {}, priceMinor: 49999, itemClass: 'large' }]);
    const stock = Array.from({ length: 65 }, (_, i) => ({ itemId: 'tv', warehouseId: `wh-${i}`, inStock: true }));
    await expect(index.setStock(stock)).rejects.toThrow('the embedded index tracks at most 64 warehouses');
    expect(await index.count()).toBe(1);
  });

  it('fails calls made after it is closed, naming why', async () => {
    await index.start();
    await index.close();
    await expect(index.count()).rejects.toThrow('the search index is closed');
  });
});

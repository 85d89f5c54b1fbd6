import { describe, expect, it } from 'vitest';
import type { ConsumeOptions, Events } from '../platform/events/events.ts';
import { createLogger } from '../platform/logger.ts';
import type { EventOf } from '../schemas/topics.ts';
import { MemoryIndex } from '../serving/search/index/memory-index.ts';
import { searchIndexer } from './search-indexer.ts';

type Indexed = EventOf<'catalog.items'> | EventOf<'inventory.stock'>;

const base = (n: number) => ({ eventId: `e${n}`, occurredAt: 0 });
const upserted = (n: number, itemId: string, name: string): Indexed => ({
  ...base(n),
  type: 'ItemUpserted',
  itemId,
  name,
  description: '',
  brand: 'Arrow',
  category: 'shirts',
  priceMinor: 2999,
  currency: 'USD',
  itemClass: 'standard',
  attributes: {},
  supplierId: 'sup-1',
  imageUrl: null,
});
const stocked = (n: number, itemId: string, available: number): Indexed => ({
  ...base(n),
  type: 'StockChanged',
  itemId,
  warehouseId: 'wh-east',
  available,
  delta: 0,
  reason: 'stock_take',
});
const deleted = (n: number, itemId: string): Indexed => ({ ...base(n), type: 'ItemDeleted', itemId, supplierId: null });

/** Runs the indexer over one batch, as the bus would deliver it. */
async function index(events: Indexed[]): Promise<MemoryIndex> {
  const index = new MemoryIndex();
  let handle: ConsumeOptions<'catalog.items' | 'inventory.stock'>['handle'] | undefined;
  const bus = {
    consume: (options: ConsumeOptions<'catalog.items' | 'inventory.stock'>) => {
      handle = (batch) => options.handle(batch);
      return Promise.resolve({ stop: () => Promise.resolve() });
    },
  } as unknown as Events;
  await searchIndexer({ events: bus, index, logger: createLogger('silent'), groupId: 'test' }).start();
  await handle!(events.map((event, offset) => ({ event, topic: 'catalog.items', partition: 0, offset, key: '' })));
  return index;
}

const REACH = { standard: { 'wh-east': 1440 }, fragile: {}, large: {}, cold: {} };
const hits = async (index: MemoryIndex, text: string) =>
  (await index.search({ text, reachable: REACH, sort: 'relevance', offset: 0, limit: 10 })).hits.map((h) => h.itemId);

describe('search indexer', () => {
  it("applies a batch mixing item and stock events in the log's order", async () => {
    const result = await index([
      upserted(1, 'a', 'Oxford Shirt'),
      upserted(2, 'b', 'Linen Shirt'),
      stocked(3, 'a', 5),
      stocked(4, 'b', 5),
      deleted(5, 'a'),
      upserted(6, 'a', 'Flannel Shirt'),
      stocked(7, 'b', 0),
      upserted(8, 'b', 'Poplin Shirt'),
      upserted(9, 'c', 'Denim Shirt'),
      stocked(10, 'c', 3),
      deleted(11, 'c'),
    ]);
    // a came back under a new name and kept its stock; b sold out before its rename; c came and went.
    expect(await hits(result, 'flannel')).toEqual(['a']);
    expect(await hits(result, 'oxford')).toEqual([]);
    expect(await hits(result, 'denim')).toEqual([]);
    expect(await hits(result, 'shirt')).toEqual(['a']);
    expect(await result.count()).toBe(2);
  });
});

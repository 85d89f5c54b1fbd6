// The search indexer: keeps the search index in step with the catalog (items in, changed, out) and with
// stock (an item sold out everywhere stops being a hit, and comes back when restocked).
import type { Events } from '../platform/events/events.ts';
import { consumer } from '../platform/events/consumer.ts';
import type { Logger } from '../platform/logger.ts';
import type { ItemClass } from '../serving/catalog/taxonomy.ts';
import type { SearchIndex } from '../serving/search/index/search-index.ts';
import type { EventOf } from '../schemas/topics.ts';

type IndexedEvent = EventOf<'catalog.items'> | EventOf<'inventory.stock'>;

/**
 * `groupId` is fixed for a durable index (Elasticsearch resumes where it left off); an in-process index
 * starts empty, so it passes a group of its own that reads both topics from the beginning.
 */
export function searchIndexer(deps: { events: Events; index: SearchIndex; logger: Logger; groupId: string }) {
  return consumer(deps.events, deps.logger, {
    groupId: deps.groupId,
    topics: ['catalog.items', 'inventory.stock'],
    fromBeginning: true,
    // Consecutive events of one kind reach the index in one call (one trip to its thread or server), in the log's order.
    handle: async (batch) => {
      for (const run of runsOfOneKind(batch.map((m) => m.event))) await write(deps.index, run);
    },
  });
}

function runsOfOneKind(events: IndexedEvent[]): IndexedEvent[][] {
  const runs: IndexedEvent[][] = [];
  for (const event of events) {
    const last = runs.at(-1);
    if (last?.[0]!.type === event.type) last.push(event);
    else runs.push([event]);
  }
  return runs;
}

async function write(index: SearchIndex, run: IndexedEvent[]): Promise<void> {
  switch (run[0]!.type) {
    case 'ItemUpserted':
      await index.upsert(
        run.flatMap((e) =>
          e.type === 'ItemUpserted'
            ? [
                {
                  itemId: e.itemId,
                  name: e.name,
                  description: e.description,
                  brand: e.brand,
                  category: e.category,
                  attributes: e.attributes,
                  priceMinor: e.priceMinor,
                  itemClass: e.itemClass as ItemClass,
                },
              ]
            : [],
        ),
      );
      return;
    case 'ItemDeleted':
      await index.remove(run.flatMap((e) => (e.type === 'ItemDeleted' ? [e.itemId] : [])));
      return;
    case 'StockChanged':
      await index.setStock(
        run.flatMap((e) =>
          e.type === 'StockChanged' ? [{ itemId: e.itemId, warehouseId: e.warehouseId, inStock: e.available > 0 }] : [],
        ),
      );
  }
}

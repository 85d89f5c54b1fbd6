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
    handle: async (batch) => {
      for (const { event } of batch) await apply(deps.index, event);
    },
  });
}

async function apply(index: SearchIndex, event: IndexedEvent): Promise<void> {
  switch (event.type) {
    case 'ItemUpserted': {
      const { itemId, name, description, brand, category, attributes, priceMinor, itemClass } = event;
      await index.upsert([{ itemId, name, description, brand, category, attributes, priceMinor, itemClass: itemClass as ItemClass }]);
      return;
    }
    case 'ItemDeleted':
      await index.remove([event.itemId]);
      return;
    case 'StockChanged':
      await index.setStock([{ itemId: event.itemId, warehouseId: event.warehouseId, inStock: event.available > 0 }]);
  }
}

// Composes the item service: the store the config names, the service, its routes and its supplier-feed consumer.
import path from 'node:path';
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { consumer } from '../../platform/events/consumer.ts';
import type { Events } from '../../platform/events/events.ts';
import type { Lifecycle } from '../../platform/lifecycle.ts';
import type { Logger } from '../../platform/logger.ts';
import { CatalogService } from './catalog-service.ts';
import { catalogRoutes } from './routes.ts';
import type { CatalogStore } from './store/catalog-store.ts';
import { EmbeddedCatalogStore } from './store/embedded-catalog-store.ts';
import { MongoCatalogStore } from './store/mongo-catalog-store.ts';

export interface CatalogDeps {
  events: Events;
  logger: Logger;
  clock: Clock;
  newId: NewId;
}

export function createCatalogStore(config: Config): CatalogStore {
  return config.catalog.kind === 'real'
    ? new MongoCatalogStore(config.catalog)
    : new EmbeddedCatalogStore({ file: path.join(config.dataDir, 'catalog.db') });
}

/** The catalog as parts the shop starts in order: the store, then the consumer of supplier.items. */
export function createCatalog(config: Config, deps: CatalogDeps) {
  const store = createCatalogStore(config);
  const service = new CatalogService({ store, events: deps.events, clock: deps.clock, newId: deps.newId });
  const supplierFeed = consumer(deps.events, deps.logger, {
    groupId: 'catalog',
    topics: ['supplier.items'],
    fromBeginning: true,
    handle: (batch) => service.applySupplierEvents(batch.map((d) => d.event)),
  });
  return { store, service, router: catalogRoutes(service), parts: [store, supplierFeed] as Lifecycle[] };
}

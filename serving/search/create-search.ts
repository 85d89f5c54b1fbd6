// Wires search: the index the config names, the indexer that feeds it, the service and its routes.
import { randomUUID } from 'node:crypto';
import type { Tokens } from '../../platform/auth/tokens.ts';
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { EventRecorder } from '../../platform/events/background-events.ts';
import type { Events } from '../../platform/events/events.ts';
import type { Logger } from '../../platform/logger.ts';
import { searchIndexer } from '../../stream/search-indexer.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { ServiceabilityService } from '../serviceability/serviceability-service.ts';
import type { UserService } from '../users/user-service.ts';
import { ElasticIndex } from './index/elastic-index.ts';
import { ThreadIndex } from './index/thread-index.ts';
import { searchRoutes } from './routes.ts';
import { SearchService } from './search-service.ts';

export function createSearch(
  config: Config,
  deps: { events: Events; recorded: EventRecorder; catalog: CatalogService; serviceability: ServiceabilityService; users: UserService; tokens: Tokens; logger: Logger; clock: Clock; newId: NewId },
) {
  const real = config.search.kind === 'real';
  const index = config.search.kind === 'real' ? new ElasticIndex({ url: config.search.url }) : new ThreadIndex(deps.logger);
  // Elasticsearch keeps the index, so its indexer resumes; the in-process one starts empty every time and reads both topics again.
  const groupId = real ? 'search-indexer' : `search-indexer-memory-${randomUUID()}`;
  const indexer = searchIndexer({ events: deps.events, index, logger: deps.logger, groupId });
  const service = new SearchService({ ...deps, events: deps.recorded, index });
  return { index, service, router: searchRoutes(service, deps.tokens), parts: [index, indexer] };
}

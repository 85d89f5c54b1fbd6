// Wires search: the index the config names, the indexer that feeds it, the service and its routes.
import { randomUUID } from 'node:crypto';
import type { Tokens } from '../../platform/auth/tokens.ts';
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { EventRecorder } from '../../platform/events/background-events.ts';
import type { Events } from '../../platform/events/events.ts';
import type { Lifecycle } from '../../platform/lifecycle.ts';
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
  const { index, indexer } = config.search.kind === 'real' ? elastic(config.search.url, deps) : inProcess(deps);
  const service = new SearchService({ ...deps, events: deps.recorded, index });
  return { index, service, router: searchRoutes(service, deps.tokens), parts: [index, indexer] };
}

/** Elasticsearch keeps the index, so its indexer resumes where it left off. */
function elastic(url: string, deps: { events: Events; logger: Logger }) {
  const index = new ElasticIndex({ url });
  return { index, indexer: searchIndexer({ ...deps, index, groupId: 'search-indexer' }) };
}

/**
 * The in-process index starts empty, at every start of the shop and of its thread: each start of its
 * indexer reads both topics again from the beginning, under a group of its own.
 */
export function inProcess(deps: { events: Events; logger: Logger }) {
  const index = new ThreadIndex(deps.logger);
  const fresh = () => searchIndexer({ ...deps, index, groupId: `search-indexer-memory-${randomUUID()}` });
  let current = fresh();
  index.onRestart(async () => {
    await current.close();
    current = fresh();
    await current.start();
  });
  const indexer: Lifecycle = { start: () => current.start(), close: () => current.close() };
  return { index, indexer };
}

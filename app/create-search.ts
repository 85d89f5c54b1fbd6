// Wires search: the index the config names, the indexer that feeds it, the service and its routes.
import { randomUUID } from 'node:crypto';
import type { Tokens } from '../platform/auth/tokens.ts';
import type { Clock, NewId } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { EventRecorder } from '../platform/events/background-events.ts';
import type { Events } from '../platform/events/events.ts';
import type { Lifecycle } from '../platform/lifecycle.ts';
import type { Logger } from '../platform/logger.ts';
import { searchIndexer } from '../stream/search-indexer.ts';
import type { CatalogService } from '../serving/catalog/catalog-service.ts';
import type { ServiceabilityService } from '../serving/serviceability/serviceability-service.ts';
import type { UserService } from '../serving/users/user-service.ts';
import { ElasticIndex } from '../serving/search/index/elastic-index.ts';
import { ThreadIndex } from '../serving/search/index/thread-index.ts';
import { searchRoutes } from '../serving/search/routes.ts';
import { SearchService } from '../serving/search/search-service.ts';

export function createSearch(
  config: Config,
  deps: {
    events: Events;
    recorded: EventRecorder;
    catalog: CatalogService;
    serviceability: ServiceabilityService;
    users: UserService;
    tokens: Tokens;
    logger: Logger;
    clock: Clock;
    newId: NewId;
  },
) {
  const { index, indexer } = config.search.kind === 'real' ? elastic(config.search, deps) : inProcess(deps);
  const service = new SearchService({ ...deps, events: deps.recorded, index });
  return { index, service, router: searchRoutes(service), parts: [index, indexer] };
}

/** Elasticsearch keeps the index, so its indexer resumes where it left off. */
function elastic(options: { url: string; index: string }, deps: { events: Events; logger: Logger }) {
  const index = new ElasticIndex(options);
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

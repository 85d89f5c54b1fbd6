// Composes the inbound service: the push API and the watched inbox folder, both publishing through one Inbound.
import path from 'node:path';
import type { Clock, NewId } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Events } from '../platform/events/events.ts';
import type { Logger } from '../platform/logger.ts';
import { watchInbox } from './feed/inbox.ts';
import { Inbound } from './inbound.ts';
import { BULK_MAX_BYTES, ingestRoutes } from './routes.ts';

export function createIngest(
  config: Config,
  deps: {
    events: Events;
    logger: Logger;
    clock: Clock;
    newId: NewId;
    /** Which supplier's item the catalog holds under an id (withdrawals of anything else are a 404). */
    supplierOf: (itemId: string) => Promise<string | undefined>;
  },
) {
  const inbound = new Inbound(deps);
  const inboxDir = path.join(config.dataDir, 'inbox');
  return {
    inbound,
    inboxDir,
    router: ingestRoutes(inbound, { supplierOf: deps.supplierOf }),
    largeBodies: { '/api/supplier/items/bulk': BULK_MAX_BYTES },
    parts: [watchInbox({ dir: inboxDir, inbound, logger: deps.logger })],
  };
}

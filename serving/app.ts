// Composes the running shop: picks an adapter per port from the config and hands each context what it needs.
import { createIngest } from '../ingest/create-ingest.ts';
import { seedOnFirstStart } from '../ingest/demo/seed-on-first-start.ts';
import { newUuid, systemClock, type Clock, type NewId } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { BackgroundEvents } from '../platform/events/background-events.ts';
import { createEvents } from '../platform/events/create-events.ts';
import { createHttpApp, type HttpApp } from '../platform/http/http-app.ts';
import { startAll, type Lifecycle } from '../platform/lifecycle.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import { createMetrics } from '../platform/metrics.ts';
import { BackgroundCheckpoints } from '../platform/sql/background-checkpoints.ts';
import { Tokens } from '../platform/auth/tokens.ts';
import { createCart } from './cart/create-cart.ts';
import { createCatalog } from './catalog/create-catalog.ts';
import { productViewRoutes } from './catalog/product-views.ts';
import { createJobs } from '../platform/jobs/create-jobs.ts';
import { createInventory } from './inventory/create-inventory.ts';
import type { Step } from '../platform/saga/saga.ts';
import type { CheckoutContext } from './orders/checkout/checkout-context.ts';
import { createOrders } from './orders/create-orders.ts';
import { ordersDatabase } from './orders/store/orders-database.ts';
import { createSearch } from './search/create-search.ts';
import { createServiceability } from './serviceability/create-serviceability.ts';
import { createUsers } from './users/create-users.ts';

export interface Shop extends Lifecycle {
  http: HttpApp;
  /** For tests and tools that act as the system itself (the sweep, the gateway). */
  orders: ReturnType<typeof createOrders>;
}

export interface ShopOptions {
  logger?: Logger;
  clock?: Clock;
  newId?: NewId;
  /** Lets tests put a failing (or never-ending) step between the checkout steps. */
  checkoutSteps?: (steps: Step<CheckoutContext>[]) => Step<CheckoutContext>[];
}

export function createShop(config: Config, options: ShopOptions = {}): Promise<Shop> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const deps = { logger, clock: options.clock ?? systemClock, newId: options.newId ?? newUuid };
  const metrics = createMetrics();
  const events = createEvents(config, deps);
  // What requests record without waiting (searches, product views), published in batches.
  const recorded = new BackgroundEvents({ events, logger });
  const catalog = createCatalog(config, { ...deps, events });
  const ingest = createIngest(config, { ...deps, events });
  const tokens = new Tokens(config.tokenSecret);
  const users = createUsers(config, { ...deps, tokens, metrics });
  const lists = createCart(config, { ...deps, catalog: catalog.service, events, tokens });
  const views = productViewRoutes({ ...deps, catalog: catalog.service, events: recorded, tokens });
  // Stock and orders share one database, opened once, so an order's change of state moves its stock in the same transaction.
  const database = ordersDatabase(config);
  const jobs = createJobs(config, deps);
  const inventory = createInventory({ ...deps, database, warehouses: () => serviceability.service.warehouses(), onStockChanged: () => orders.relay.nudge() });
  const serviceability = createServiceability(config, { ...deps, catalog: catalog.service, inventory: inventory.service });
  const search = createSearch(config, { ...deps, events, recorded, catalog: catalog.service, serviceability: serviceability.service, users: users.service, tokens });
  const orders = createOrders(config, {
    ...deps,
    database,
    events,
    jobs,
    catalog: catalog.service,
    serviceability: serviceability.service,
    users: users.service,
    cart: lists.cart,
    tokens,
    checkoutSteps: options.checkoutSteps,
  });
  // The embedded stores' SQLite files all live in the data folder.
  const checkpoints = new BackgroundCheckpoints({ folder: config.dataDir, everyMs: 250 });
  const demo = seedOnFirstStart(config, { inbound: ingest.inbound, catalog: catalog.store, inventory: inventory.service, logger });

  // Start order matters: events first (topics and schemas), stores before their consumers, demo data last.
  const parts: Lifecycle[] = [checkpoints, events, recorded, ...catalog.parts, ...ingest.parts, ...users.parts, ...lists.parts, ...serviceability.parts, ...inventory.parts, ...search.parts, jobs, ...orders.parts, demo];
  let ready = false;
  let closeAll: (() => Promise<void>) | undefined;

  const http = createHttpApp({
    logger,
    metrics,
    isReady: () => ready,
    routers: [catalog.router, views, ingest.router, users.router, lists.router, inventory.router, serviceability.router, search.router, orders.router],
  });
  return Promise.resolve({
    http,
    orders,
    async start() {
      closeAll = await startAll(parts);
      ready = true;
    },
    async close() {
      ready = false;
      await closeAll?.();
    },
  });
}

// Composes the running shop: picks an adapter per port from the config and hands each context what it needs.
import path from 'node:path';
import { createIngest } from '../ingest/create-ingest.ts';
import { demoNetwork } from '../ingest/demo/network.ts';
import { demoAccessOnFirstStart, type DemoAccessOnFirstStart } from '../ingest/demo/demo-access.ts';
import { liveDemoTraffic } from '../ingest/demo/live-traffic.ts';
import { seedOnFirstStart } from '../ingest/demo/seed-on-first-start.ts';
import { newUuid, systemClock, type Clock, type NewId } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { BackgroundEvents } from '../platform/events/background-events.ts';
import { createEvents } from '../platform/events/create-events.ts';
import { authenticate } from '../platform/http/authenticate.ts';
import { DEFAULT_BODY_LIMITS } from '../platform/http/body-limits.ts';
import { createHttpApp, type HttpApp } from '../platform/http/http-app.ts';
import { startAll, type Lifecycle } from '../platform/lifecycle.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import { createMetrics } from '../platform/metrics.ts';
import { BackgroundCheckpoints } from '../platform/sql/background-checkpoints.ts';
import { Tokens } from '../platform/auth/tokens.ts';
import { createCart } from '../serving/cart/create-cart.ts';
import { createCatalog } from '../serving/catalog/create-catalog.ts';
import { productViewRoutes } from '../serving/catalog/product-views.ts';
import { createJobs } from '../platform/jobs/create-jobs.ts';
import { createInventory } from '../serving/inventory/create-inventory.ts';
import type { Step } from '../platform/saga/saga.ts';
import type { CheckoutContext } from '../serving/orders/checkout/checkout-context.ts';
import { createOrders } from './create-orders.ts';
import { createRecommendations } from '../serving/recommendations/create-recommendations.ts';
import { createLake } from './create-lake.ts';
import { createReports } from './create-reports.ts';
import { recommendationsTraining } from './recommendations-training.ts';
import { shopperOrders } from './shopper-orders.ts';
import { ordersDatabase } from '../serving/orders/store/orders-database.ts';
import { searchCaughtUp } from '../serving/search/caught-up.ts';
import { createSearch } from './create-search.ts';
import type { SearchIndex } from '../serving/search/index/search-index.ts';
import { createServiceability } from '../serving/serviceability/create-serviceability.ts';
import type { AccessService } from '../serving/users/access-service.ts';
import { createUsers } from '../serving/users/create-users.ts';
import { createWeb } from '../serving/web/create-web.tsx';
import { readEvaluation } from '../serving/web/dashboard/evaluation.ts';

export interface Shop extends Lifecycle {
  http: HttpApp;
  /** For tests and tools that act as the system itself (the sweep, the gateway). */
  orders: ReturnType<typeof createOrders>;
  /** The search index, for tests and tools that ask what it holds. */
  searchIndex: SearchIndex;
  /** Settles once a first start's simulated history is trained on (at once when there was nothing to do). */
  recommendationsBootstrapped(): Promise<void>;
  /** Roles and supplier API keys, for tests and tools that make staff or keys. */
  access: AccessService;
  /** The demo's staff sign-in and supplier key (`created()` on the start that made them). */
  demoAccess: DemoAccessOnFirstStart;
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
  const ingest = createIngest(config, {
    ...deps,
    events,
    supplierOf: async (itemId) => (await catalog.service.getMany([itemId]))[0]?.supplierId,
  });
  const tokens = new Tokens(config.tokenSecret, deps.clock);
  const users = createUsers(config, { ...deps, tokens, metrics });
  const lists = createCart(config, { ...deps, catalog: catalog.service, events, tokens });
  const views = productViewRoutes({ ...deps, catalog: catalog.service, events: recorded });
  // Stock and orders share one database, opened once, so an order's change of state moves its stock in the same transaction.
  const database = ordersDatabase(config);
  const jobs = createJobs(config, deps);
  const inventory = createInventory({
    ...deps,
    database,
    warehouses: () => serviceability.service.warehouses(),
    onStockChanged: () => orders.relay.nudge(),
    itemExists: async (itemId) => (await catalog.service.getMany([itemId]))[0] !== undefined,
  });
  const serviceability = createServiceability(config, {
    ...deps,
    catalog: catalog.service,
    inventory: inventory.service,
    initialNetwork: () => demoNetwork(),
  });
  const search = createSearch(config, {
    ...deps,
    events,
    recorded,
    catalog: catalog.service,
    serviceability: serviceability.service,
    users: users.service,
    tokens,
  });
  const orders = createOrders(config, {
    ...deps,
    database,
    events,
    jobs,
    catalog: catalog.service,
    serviceability: serviceability.service,
    users: users.service,
    access: users.access,
    cart: lists.cart,
    tokens,
    checkoutSteps: options.checkoutSteps,
  });
  const reports = createReports(config, { ...deps, events, catalog: catalog.service });
  const recommendations = createRecommendations(config, {
    ...deps,
    catalog: catalog.service,
    inventory: inventory.service,
    serviceability: serviceability.service,
    users: users.service,
    reports: reports.view,
    tokens,
    metrics,
    ordersOf: (userId) => shopperOrders(orders.service, userId),
  });
  // Every event of every topic into Parquet under the lake folder (docs/lake.md), unless the Spark lake
  // job fills it (EMPORIUM_LAKE_ENGINE=spark; its files are not this writer's, nor its compactor's).
  const lake = config.lake.engine === 'embedded' ? createLake(config, { ...deps, events }) : { parts: [] };
  const training = recommendationsTraining(config, {
    ...deps,
    events,
    jobs,
    store: recommendations.store,
    users: users.service,
  });
  // The embedded stores' SQLite files all live in the data folder.
  const checkpoints = new BackgroundCheckpoints({ folder: config.dataDir, everyMs: 250 });
  const demo = seedOnFirstStart(config, {
    inbound: ingest.inbound,
    catalog: catalog.store,
    inventory: inventory.service,
    logger,
  });
  const demoAccess = demoAccessOnFirstStart(config, {
    signUp: (input) => users.service.register(input),
    makeStaff: (email) => users.access.setRole(email, 'staff'),
    createKey: (supplierId) => users.access.createKey(supplierId),
    setContact: (supplierId, contact) => users.access.setSupplierContact(supplierId, contact),
    logger,
  });

  // Start order matters: events first (topics and schemas), stores before their consumers, demo data last.
  const parts: Lifecycle[] = [
    checkpoints,
    events,
    recorded,
    ...catalog.parts,
    ...ingest.parts,
    ...users.parts,
    ...lists.parts,
    ...serviceability.parts,
    ...inventory.parts,
    ...search.parts,
    jobs,
    ...orders.parts,
    ...reports.parts,
    ...recommendations.parts,
    ...lake.parts,
    demo,
    // After the demo catalog: a first start backfills a simulated history and trains on it, in the background.
    training,
    demoAccess,
    // Demo shoppers through the API, so the live reports move (EMPORIUM_DEMO_TRAFFIC actions a second).
    liveDemoTraffic({
      request: (path, init) => http.request(path, init),
      seed: config.demo.seed,
      items: config.demo.items,
      perSecond: config.demo.trafficPerSecond,
      logger,
    }),
  ];
  let ready = false;
  const searchReady = searchCaughtUp({
    catalogCount: () => catalog.store.count(),
    indexCount: () => search.index.count(),
    seeded: () => demo.seeded(),
  });
  let closeAll: (() => Promise<void>) | undefined;

  // The storefront calls the shop's own API in process, through the same routes as any client.
  const web = createWeb({
    api: (path, init, env) => Promise.resolve(http.request(path, init, env)),
    logger,
    dashboard: {
      windowsMinutes: config.reports.windowsMinutes,
      defaultMinutes: config.reports.defaultWindowMinutes,
      evaluation: () => readEvaluation(path.join(config.dataDir, 'recommendations', 'evaluation')),
    },
  });
  const http = createHttpApp({
    logger,
    metrics,
    authenticate: authenticate(users.access),
    isReady: async () => ready && (await searchReady()),
    bodyLimits: { ...DEFAULT_BODY_LIMITS, larger: ingest.largeBodies },
    site: web,
    routers: [
      catalog.router,
      views,
      ingest.router,
      users.router,
      users.supplierRouter,
      lists.router,
      inventory.router,
      serviceability.router,
      search.router,
      orders.router,
      orders.lifecycleRouter,
      orders.sellerRouter,
      reports.router,
      recommendations.router,
    ],
  });
  return Promise.resolve({
    http,
    orders,
    searchIndex: search.index,
    recommendationsBootstrapped: () => training.bootstrapped(),
    access: users.access,
    demoAccess,
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

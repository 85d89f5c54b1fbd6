// Wires orders: the order store beside stock in the orders database, the outbox relay, expiry on the
// job queue, the payment gateway, checkout steps, notifications, and the routes.
import path from 'node:path';
import type { Tokens } from '../../platform/auth/tokens.ts';
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Events } from '../../platform/events/events.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Logger } from '../../platform/logger.ts';
import { OutboxRelay } from '../../platform/outbox/outbox-relay.ts';
import type { Database } from '../../platform/sql/database.ts';
import { orderNotifier } from '../../stream/order-notifier.ts';
import type { CartService } from '../cart/cart-service.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import type { ServiceabilityService } from '../serviceability/serviceability-service.ts';
import type { UserService } from '../users/user-service.ts';
import type { Step } from '../../platform/saga/saga.ts';
import type { CheckoutContext } from './checkout/checkout-context.ts';
import { createOrderArchive } from './archive/create-order-archive.ts';
import { checkoutSteps } from './checkout/workflow.ts';
import { FileNotifier } from './notifications/file-notifier.ts';
import { OrderEvents } from './order-events.ts';
import { OrderExpiry } from './order-expiry.ts';
import { OrderService } from './order-service.ts';
import { createPaymentGateway } from './payments/create-payment-gateway.ts';
import { orderRoutes } from './routes.ts';
import { SqlOrderStore, type OrdersDb } from './store/sql-order-store.ts';

export function createOrders(
  config: Config,
  deps: {
    database: () => Promise<Database<OrdersDb>>;
    events: Events;
    jobs: JobQueue;
    catalog: CatalogService;
    serviceability: ServiceabilityService;
    users: UserService;
    cart: CartService;
    tokens: Tokens;
    logger: Logger;
    clock: Clock;
    newId: NewId;
    checkoutSteps?: (steps: Step<CheckoutContext>[]) => Step<CheckoutContext>[];
  },
) {
  const archive = createOrderArchive(config);
  const relay = new OutboxRelay({ open: deps.database, events: deps.events, logger: deps.logger });
  const store = new SqlOrderStore(deps.database, { clock: deps.clock, events: new OrderEvents(deps.newId), onCommit: () => relay.nudge() });
  const gateway = createPaymentGateway(config);
  const expiry = new OrderExpiry({ orders: store, jobs: deps.jobs, gateway, clock: deps.clock, logger: deps.logger, sweepEveryMs: config.orders.sweepEveryMs });
  const service = new OrderService({
    ...deps,
    orders: store,
    archive,
    expiry,
    steps: (deps.checkoutSteps ?? ((steps) => steps))(checkoutSteps({ orders: store, expiry, gateway })),
    gateway,
    paymentWindowMs: config.orders.paymentWindowMs,
  });
  const notifier = new FileNotifier(path.join(config.dataDir, 'notifications.jsonl'));
  const notifications = orderNotifier({ events: deps.events, notifier, logger: deps.logger, userOf: async (orderId) => (await store.get(orderId))?.userId });
  return {
    store,
    relay,
    archive,
    service,
    expiry,
    gateway,
    router: orderRoutes(service, deps.tokens),
    parts: [store, archive, relay, gateway, expiry, notifier, notifications],
  };
}

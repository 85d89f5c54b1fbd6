// Wires orders: the order store beside stock in the orders database, the outbox relay, expiry on the
// job queue, the payment gateway, checkout steps, notifications, and the routes.
import path from 'node:path';
import type { Tokens } from '../platform/auth/tokens.ts';
import type { Clock, NewId } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Events } from '../platform/events/events.ts';
import type { JobQueue } from '../platform/jobs/job-queue.ts';
import type { Logger } from '../platform/logger.ts';
import { OutboxRelay } from '../platform/outbox/outbox-relay.ts';
import type { Database } from '../platform/sql/database.ts';
import { orderNotifier } from '../stream/order-notifier.ts';
import type { CartService } from '../serving/cart/cart-service.ts';
import type { CatalogService } from '../serving/catalog/catalog-service.ts';
import type { ServiceabilityService } from '../serving/serviceability/serviceability-service.ts';
import type { AccessService } from '../serving/users/access-service.ts';
import type { UserService } from '../serving/users/user-service.ts';
import type { Step } from '../platform/saga/saga.ts';
import type { CheckoutContext } from '../serving/orders/checkout/checkout-context.ts';
import { archiveSchedule } from '../batch/archive-schedule.ts';
import { createOrderArchive } from '../serving/orders/archive/create-order-archive.ts';
import { checkoutSteps } from '../serving/orders/checkout/workflow.ts';
import { FileNotifier } from '../serving/orders/notifications/file-notifier.ts';
import { ChannelNotifier } from '../serving/orders/notifications/channel-notifier.ts';
import { EmailNotifier } from '../serving/orders/notifications/email-notifier.ts';
import type { Notifier } from '../serving/orders/notifications/notifier.ts';
import { ReliableNotifier } from '../serving/orders/notifications/reliable-notifier.ts';
import { SmsNotifier } from '../serving/orders/notifications/sms-notifier.ts';
import { OrderEvents } from '../serving/orders/order-events.ts';
import { OrderExpiry } from '../serving/orders/order-expiry.ts';
import { OrderService } from '../serving/orders/order-service.ts';
import { createPaymentGateway } from '../serving/orders/payments/create-payment-gateway.ts';
import { orderRoutes } from '../serving/orders/routes.ts';
import { sellerOrderRoutes } from '../serving/orders/seller-routes.ts';
import { OrderLifecycle } from '../serving/orders/lifecycle/order-lifecycle.ts';
import { lifecycleRoutes } from '../serving/orders/lifecycle/routes.ts';
import { DEMO_PLAN } from '../serving/orders/lifecycle/demo-fulfilment-plan.ts';
import { DemoFulfilment } from '../serving/orders/lifecycle/demo-fulfilment.ts';
import { deliveryPromise } from '../serving/serviceability/delivery-promise.ts';
import type { Order } from '../serving/orders/order.ts';
import { SqlOrderStore, type OrdersDb } from '../serving/orders/store/sql-order-store.ts';

export function createOrders(
  config: Config,
  deps: {
    database: () => Promise<Database<OrdersDb>>;
    events: Events;
    jobs: JobQueue;
    catalog: CatalogService;
    serviceability: ServiceabilityService;
    users: UserService;
    access: Pick<AccessService, 'supplierContact'>;
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
  const store = new SqlOrderStore(deps.database, {
    clock: deps.clock,
    events: new OrderEvents(deps.newId),
    onCommit: () => relay.nudge(),
  });
  const gateway = createPaymentGateway(config);
  const expiry = new OrderExpiry({
    orders: store,
    jobs: deps.jobs,
    gateway,
    clock: deps.clock,
    logger: deps.logger,
    sweepEveryMs: config.orders.sweepEveryMs,
  });
  const service = new OrderService({
    ...deps,
    orders: store,
    archive,
    expiry,
    steps: (deps.checkoutSteps ?? ((steps) => steps))(checkoutSteps({ orders: store, expiry, gateway })),
    gateway,
    paymentWindowMs: config.orders.paymentWindowMs,
  });
  const lifecycle = new OrderLifecycle({
    orders: store,
    archive,
    gateway,
    suppliersOf: async (itemIds) => (await deps.catalog.getMany(itemIds)).map((item) => item?.supplierId),
    policy: { returnWindowMs: config.orders.returnWindowMs },
    logger: deps.logger,
  });
  /** The window checkout promised: the slowest line's minutes from its warehouse, from when the order was made. */
  const promisedWindow = async (order: Order) => {
    const reach = deps.serviceability.reachable(order.pincode);
    const items = await deps.catalog.getMany(order.lines.map((l) => l.itemId));
    const minutes = order.lines.map((l, i) => {
      const itemClass = items[i]?.itemClass;
      return itemClass && l.warehouseId ? reach?.[itemClass][l.warehouseId] : undefined;
    });
    if (minutes.some((m) => m === undefined)) return undefined;
    const { window } = deliveryPromise(Math.max(...(minutes as number[])), order.createdAt);
    return { from: Date.parse(window.from), to: Date.parse(window.to) };
  };
  // The demo shop's own warehouse moves its orders along, so a new user sees the whole lifecycle.
  const fulfilment =
    config.demo.items > 0
      ? [
          new DemoFulfilment({
            ...deps,
            orders: store,
            lifecycle,
            plan: DEMO_PLAN,
            promisedWindow,
            everyMs: 15_000,
          }),
        ]
      : [];
  const notifier = createNotifier(config, deps.logger);
  const notifications = orderNotifier({
    events: deps.events,
    notifier,
    logger: deps.logger,
    orderOf: (orderId) => store.get(orderId),
    sellersOf: async (order) => {
      // Lines from before orders recorded their seller ask the catalog.
      const unrecorded = order.lines.some((l) => !l.sellerId);
      const suppliers = unrecorded ? await deps.catalog.getMany(order.lines.map((l) => l.itemId)) : [];
      const units = new Map<string, number>();
      order.lines.forEach((l, i) => {
        const supplierId = l.sellerId ?? suppliers[i]?.supplierId;
        if (supplierId) units.set(supplierId, (units.get(supplierId) ?? 0) + l.quantity);
      });
      return [...units].map(([supplierId, n]) => ({ supplierId, units: n }));
    },
    // A seller is told where its contact details say (PUT /suppliers/{id}/contact); without any, only the file records it.
    contactOf: async (recipient) => {
      if (recipient.kind === 'seller') return deps.access.supplierContact(recipient.supplierId);
      const user = await deps.users.get(recipient.userId).catch(() => undefined);
      // The phone on the default address: the one the courier calls.
      const address = user?.addresses.find((a) => a.addressId === user.defaultAddressId);
      return { email: user?.email ?? null, phone: address?.phone ?? null };
    },
    returnWindowMs: config.orders.returnWindowMs,
  });
  const archiving = archiveSchedule({
    orders: store,
    archive,
    jobs: deps.jobs,
    clock: deps.clock,
    logger: deps.logger,
    policy: { ...config.orders.archive, returnWindowMs: config.orders.returnWindowMs },
  });
  return {
    store,
    relay,
    archive,
    service,
    expiry,
    gateway,
    lifecycle,
    router: orderRoutes(service),
    lifecycleRouter: lifecycleRoutes(lifecycle),
    sellerRouter: sellerOrderRoutes(service),
    parts: [store, archive, relay, gateway, expiry, ...fulfilment, notifier, notifications, archiving],
  };
}

/** Email and SMS providers when configured (each retried and deduplicated); otherwise the file in the data folder. */
function createNotifier(config: Config, logger: Logger): Notifier {
  const { email, sms } = config.notifications;
  if (email.kind === 'embedded' && sms.kind === 'embedded')
    return new FileNotifier(path.join(config.dataDir, 'notifications.jsonl'));
  const reliable = (provider: Notifier) => new ReliableNotifier(provider, { logger });
  return new ChannelNotifier(
    {
      ...(email.kind === 'real' && { email: reliable(new EmailNotifier(email)) }),
      ...(sms.kind === 'real' && { sms: reliable(new SmsNotifier(sms)) }),
    },
    logger,
  );
}

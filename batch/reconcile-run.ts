// Runs reconciliation outside the shop: opens the orders database, the bus for the stock events its
// repairs announce (published before it exits), and the payment gateway expiry asks.
import { systemClock, newUuid } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { createEvents } from '../platform/events/create-events.ts';
import { startAll } from '../platform/lifecycle.ts';
import { createLogger } from '../platform/logger.ts';
import { OutboxRelay } from '../platform/outbox/outbox-relay.ts';
import type { Progress } from '../platform/progress.ts';
import { InventoryService } from '../serving/inventory/inventory-service.ts';
import { SqlStockStore } from '../serving/inventory/store/sql-stock-store.ts';
import { OrderEvents } from '../serving/orders/order-events.ts';
import { createPaymentGateway } from '../serving/orders/payments/create-payment-gateway.ts';
import { ordersDatabase } from '../serving/orders/store/orders-database.ts';
import { SqlOrderStore } from '../serving/orders/store/sql-order-store.ts';
import { reconcile, type ReconcileReport } from './reconcile.ts';

export async function runReconcile(config: Config, progress: Progress): Promise<ReconcileReport> {
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const deps = { clock: systemClock, newId: newUuid, logger };
  const database = ordersDatabase(config);
  const events = createEvents(config, deps);
  const stock = new SqlStockStore(database, deps);
  const orders = new SqlOrderStore(database, { clock: deps.clock, events: new OrderEvents(deps.newId) });
  const relay = new OutboxRelay({ open: database, events, logger, everyMs: 60_000 });
  // Repairs name warehouses the store already holds stock in, so no warehouse list is needed.
  const inventory = new InventoryService({ store: stock, warehouses: () => [] });
  const gateway = createPaymentGateway(config);
  const closeAll = await startAll([events, stock, orders, relay, gateway]);
  try {
    const report = await reconcile({ orders, stock, inventory, gateway, clock: deps.clock }, progress);
    await relay.drain();
    return report;
  } finally {
    await closeAll();
  }
}

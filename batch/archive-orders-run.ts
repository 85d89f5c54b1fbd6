// Runs archiving outside the shop: the live orders database and the archive the config names.
import { newUuid, systemClock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { startAll } from '../platform/lifecycle.ts';
import type { Progress } from '../platform/progress.ts';
import { createOrderArchive } from '../serving/orders/archive/create-order-archive.ts';
import { OrderEvents } from '../serving/orders/order-events.ts';
import { ordersDatabase } from '../serving/orders/store/orders-database.ts';
import { SqlOrderStore } from '../serving/orders/store/sql-order-store.ts';
import { archiveCutoff, archiveOrders } from './archive-orders.ts';

export async function runArchiveOrders(config: Config, olderThanDays: number, progress: Progress): Promise<number> {
  const orders = new SqlOrderStore(ordersDatabase(config), { clock: systemClock, events: new OrderEvents(newUuid) });
  const archive = createOrderArchive(config);
  const closeAll = await startAll([orders, archive]);
  try {
    const before = archiveCutoff(systemClock(), olderThanDays * 86_400_000, config.orders.returnWindowMs);
    return await archiveOrders({ orders, archive }, before, progress);
  } finally {
    await closeAll();
  }
}

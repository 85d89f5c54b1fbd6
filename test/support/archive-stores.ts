// The live orders store and the archive of a data folder, opened as the shop opens them (for the archive kill test).
import { newUuid, systemClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { startAll } from '../../platform/lifecycle.ts';
import { SqliteOrderArchive } from '../../serving/orders/archive/sqlite-order-archive.ts';
import { OrderEvents } from '../../serving/orders/order-events.ts';
import { ordersDatabase } from '../../serving/orders/store/orders-database.ts';
import { SqlOrderStore } from '../../serving/orders/store/sql-order-store.ts';
import { SqlStockStore } from '../../serving/inventory/store/sql-stock-store.ts';
import path from 'node:path';

export async function openArchiveStores(dir: string) {
  const config = loadConfig({ EMPORIUM_DATA_DIR: dir, EMPORIUM_LOG_LEVEL: 'silent' });
  const database = ordersDatabase(config);
  const orders = new SqlOrderStore(database, { clock: systemClock, events: new OrderEvents(newUuid) });
  const stock = new SqlStockStore(database, { clock: systemClock, newId: newUuid });
  const archive = new SqliteOrderArchive(path.join(config.dataDir, 'order-archive.db'));
  const close = await startAll([orders, stock, archive]);
  return { orders, stock, archive, close };
}

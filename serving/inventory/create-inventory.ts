// Wires inventory: the stock store in the orders database, the service and its routes.
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Events } from '../../platform/events/events.ts';
import { openDatabase } from '../../platform/sql/database.ts';
import { InventoryService } from './inventory-service.ts';
import { inventoryRoutes } from './routes.ts';
import { inventoryMigrations } from './store/migrations.ts';
import { SqlStockStore, type StockDb } from './store/sql-stock-store.ts';

export function createInventory(config: Config, deps: { events: Events; warehouses: () => readonly string[]; clock: Clock; newId: NewId }) {
  const store = new SqlStockStore(() => openDatabase<StockDb>(config.sql.orders, inventoryMigrations), deps.clock);
  const service = new InventoryService({ ...deps, store });
  return { service, router: inventoryRoutes(service), parts: [store] };
}

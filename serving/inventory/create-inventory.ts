// Wires inventory: the stock store in the orders database (opened once for it and the order store), the service and its routes.
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Events } from '../../platform/events/events.ts';
import type { Database } from '../../platform/sql/database.ts';
import { InventoryService } from './inventory-service.ts';
import { inventoryRoutes } from './routes.ts';
import { SqlStockStore, type StockDb } from './store/sql-stock-store.ts';

export function createInventory(deps: { database: () => Promise<Database<StockDb>>; events: Events; warehouses: () => readonly string[]; clock: Clock; newId: NewId }) {
  const store = new SqlStockStore(deps.database, deps.clock);
  const service = new InventoryService({ ...deps, store });
  return { service, router: inventoryRoutes(service), parts: [store] };
}

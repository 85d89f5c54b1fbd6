// Wires inventory: the stock store in the orders database (opened once for it and the order store), the service and its routes.
import type { Clock, NewId } from '../../platform/clock.ts';
import type { Database } from '../../platform/sql/database.ts';
import { InventoryService } from './inventory-service.ts';
import { inventoryRoutes } from './routes.ts';
import { SqlStockStore, type StockDb } from './store/sql-stock-store.ts';

/** `onStockChanged` hears of each committed change, whose event waits in the outbox for the relay. */
export function createInventory(deps: {
  database: () => Promise<Database<StockDb>>;
  warehouses: () => readonly string[];
  clock: Clock;
  newId: NewId;
  onStockChanged: () => void;
  /** Whether the catalog has the item: stock of an item it does not have is a 404. */
  itemExists: (itemId: string) => Promise<boolean>;
}) {
  const store = new SqlStockStore(deps.database, {
    clock: deps.clock,
    newId: deps.newId,
    onCommit: deps.onStockChanged,
  });
  const service = new InventoryService({ store, warehouses: deps.warehouses });
  return { service, router: inventoryRoutes(service, deps.itemExists), parts: [store] };
}

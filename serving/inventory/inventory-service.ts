// Inventory: stock per item and warehouse, every change announced as stock.changed for search and reports.
import { invalid } from '../../platform/errors.ts';
import type { StockLevel, StockStore } from './store/stock-store.ts';

export class InventoryService {
  constructor(private readonly deps: { store: StockStore; warehouses: () => readonly string[] }) {}

  warehouses = () => this.deps.warehouses();

  levels = (itemIds: string[]): Promise<Map<string, StockLevel[]>> => this.deps.store.levels(itemIds);

  /** Sets the count a warehouse holds (a delivery in, a stock take); `reason` travels with the event. */
  async setStock(itemId: string, warehouseId: string, available: number, reason = 'restock'): Promise<StockLevel[]> {
    if (!this.warehouses().includes(warehouseId))
      throw invalid('warehouseId', `no warehouse ${warehouseId} (known: ${this.warehouses().join(', ')})`);
    return this.recount(itemId, warehouseId, available, reason);
  }

  /** Sets a count in a warehouse the store already holds it in (reconciliation's repairs), announcing the change. */
  async recount(itemId: string, warehouseId: string, available: number, reason: string): Promise<StockLevel[]> {
    await this.deps.store.set(itemId, warehouseId, available, reason);
    return (await this.deps.store.levels([itemId])).get(itemId)!;
  }
}

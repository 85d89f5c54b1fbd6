// Reconciliation: recomputes every stock count from its ledger (the last stock take, then every hold and
// release since), reports where the count drifted and repairs it; gives back stock still held by
// orders that are cancelled or gone, and cancels unpaid orders past their expiry that nothing cancelled.
import type { Clock } from '../platform/clock.ts';
import type { Progress } from '../platform/progress.ts';
import type { InventoryService } from '../serving/inventory/inventory-service.ts';
import type { StockDrift, StockStore } from '../serving/inventory/store/stock-store.ts';
import type { OrderStore } from '../serving/orders/store/order-store.ts';

export interface ReconcileReport {
  expiredOrders: number;
  orphanedHolds: { itemId: string; warehouseId: string; units: number }[];
  drift: StockDrift[];
}

const BATCH = 1000;

export async function reconcile(deps: { orders: OrderStore; stock: StockStore; inventory: InventoryService; clock: Clock }, progress: Progress): Promise<ReconcileReport> {
  let expiredOrders = 0;
  for (let due = await deps.orders.expired(deps.clock(), BATCH); due.length > 0; due = await deps.orders.expired(deps.clock(), BATCH)) {
    for (const orderId of due) if (await deps.orders.cancel(orderId, 'expired', deps.clock())) expiredOrders++;
  }
  // Holds first: giving them back is recorded on the ledger, so the counts below already include them.
  const orphanedHolds = await deps.orders.releaseOrphanedHolds();
  const drift = await deps.stock.drift();
  progress.setTotal(drift.length);
  for (const d of drift) {
    await deps.inventory.recount(d.itemId, d.warehouseId, d.expected, 'reconciliation');
    progress.increment();
  }
  progress.stop();
  return { expiredOrders, orphanedHolds, drift };
}

// Reconciliation: recomputes every stock count from its ledger (the last stock take, then every hold and
// release since), reports where the count drifted and repairs it; gives back stock still held by
// orders that are cancelled or gone, and cancels unpaid orders past their expiry that nothing cancelled.
import type { Clock } from '../platform/clock.ts';
import type { Progress } from '../platform/progress.ts';
import type { InventoryService } from '../serving/inventory/inventory-service.ts';
import type { StockDrift, StockStore } from '../serving/inventory/store/stock-store.ts';
import { expireIfUnpaid } from '../serving/orders/order-expiry.ts';
import type { PaymentGateway } from '../serving/orders/payments/payment-gateway.ts';
import type { OrderStore } from '../serving/orders/store/order-store.ts';

export interface ReconcileReport {
  expiredOrders: number;
  orphanedHolds: { itemId: string; warehouseId: string; units: number }[];
  drift: StockDrift[];
}

const BATCH = 1000;

export async function reconcile(
  deps: { orders: OrderStore; stock: StockStore; inventory: InventoryService; gateway: PaymentGateway; clock: Clock },
  progress: Progress,
): Promise<ReconcileReport> {
  let expiredOrders = 0;
  // The same decision the shop's expiry makes: the gateway is asked before an unpaid order is cancelled.
  for (
    let due = await deps.orders.expired(deps.clock(), BATCH);
    due.length > 0;
    due = await deps.orders.expired(deps.clock(), BATCH)
  ) {
    for (const orderId of due) if (await expireIfUnpaid(deps, orderId, deps.clock())) expiredOrders++;
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

// Archiving: finished orders (delivered or cancelled, and owed nothing) older than a cutoff move from
// the live orders database to the archive. Copied first, deleted after, in batches: a crash in between
// only copies some orders again, which the archive keeps once.
import type { Progress } from '../platform/progress.ts';
import type { OrderArchive } from '../serving/orders/archive/order-archive.ts';
import type { OrderStore } from '../serving/orders/store/order-store.ts';

const BATCH = 500;

export async function archiveOrders(deps: { orders: OrderStore; archive: OrderArchive }, before: number, progress: Progress): Promise<number> {
  let archived = 0;
  for (let batch = await deps.orders.finished(before, BATCH); batch.length > 0; batch = await deps.orders.finished(before, BATCH)) {
    await deps.archive.put(batch);
    archived += await deps.orders.forget(batch.map((o) => o.orderId));
    progress.increment(batch.length);
  }
  progress.stop();
  return archived;
}

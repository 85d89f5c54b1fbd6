// Archiving: finished orders (delivered, cancelled or returned, and owed nothing) older than a cutoff move
// from the live orders database to the archive. Copied first, deleted after, in batches: a run that fails
// or dies in between leaves some orders in both, which every read shows once and the next run finishes.
import type { Progress } from '../platform/progress.ts';
import type { OrderArchive } from '../serving/orders/archive/order-archive.ts';
import type { OrderStore } from '../serving/orders/store/order-store.ts';

const BATCH = 500;

/**
 * The newest last change an order may have to leave now: `afterMs` ago, and never inside the return
 * window (a delivered order may still be returned, which moves it, and only live orders move).
 */
export const archiveCutoff = (now: number, afterMs: number, returnWindowMs: number) =>
  now - Math.max(afterMs, returnWindowMs);

export async function archiveOrders(
  deps: {
    orders: OrderStore;
    archive: OrderArchive;
    /** Called after each step of each batch (the kill test stops the process there). */
    afterStep?: (step: 'copied' | 'forgotten') => void;
  },
  before: number,
  progress: Progress,
  batchSize = BATCH,
): Promise<number> {
  let archived = 0;
  for (
    let batch = await deps.orders.finished(before, batchSize);
    batch.length > 0;
    batch = await deps.orders.finished(before, batchSize)
  ) {
    await deps.archive.put(batch);
    deps.afterStep?.('copied');
    archived += await deps.orders.forget(batch.map((o) => o.orderId));
    deps.afterStep?.('forgotten');
    progress.increment(batch.length);
  }
  progress.stop();
  return archived;
}

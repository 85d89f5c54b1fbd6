// Archiving as the shop's own scheduled job: every EMPORIUM_ARCHIVE_EVERY_HOURS (daily by default) the
// finished orders older than EMPORIUM_ARCHIVE_AFTER_DAYS move to the archive. In real mode a BullMQ job
// scheduler runs it in one instance per period; a run that fails or dies is finished by the next.
import type { Clock } from '../platform/clock.ts';
import type { JobQueue } from '../platform/jobs/job-queue.ts';
import type { Lifecycle } from '../platform/lifecycle.ts';
import type { Logger } from '../platform/logger.ts';
import { noProgress } from '../platform/progress.ts';
import type { OrderArchive } from '../serving/orders/archive/order-archive.ts';
import type { OrderStore } from '../serving/orders/store/order-store.ts';
import { archiveCutoff, archiveOrders } from './archive-orders.ts';

export const ARCHIVE_QUEUE = 'archive-orders';

export function archiveSchedule(deps: {
  orders: OrderStore;
  archive: OrderArchive;
  jobs: JobQueue;
  clock: Clock;
  logger: Logger;
  policy: { everyMs: number | null; afterMs: number; returnWindowMs: number };
}): Lifecycle {
  const { everyMs, afterMs, returnWindowMs } = deps.policy;
  return {
    async start() {
      if (everyMs === null) return;
      deps.jobs.handle(ARCHIVE_QUEUE, async (runId) => {
        const before = archiveCutoff(deps.clock(), afterMs, returnWindowMs);
        const archived = await archiveOrders(deps, before, noProgress);
        deps.logger.info({ runId, archived, before: new Date(before).toISOString() }, 'finished orders archived');
      });
      await deps.jobs.repeat(ARCHIVE_QUEUE, everyMs);
    },
    close: () => Promise.resolve(),
  };
}

// The demo's own warehouse: on the job queue's clock it packs, ships and delivers every order in fulfilment, so a new user sees the whole lifecycle.
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { JobQueue } from '../../../platform/jobs/job-queue.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Order } from '../order.ts';
import type { OrderStore } from '../store/order-store.ts';
import { dueMove, type DemoPlan, type PromisedWindow } from './demo-fulfilment-plan.ts';
import type { OrderLifecycle } from './order-lifecycle.ts';

const BATCH = 1000;

export class DemoFulfilment {
  constructor(
    private readonly deps: {
      orders: OrderStore;
      lifecycle: OrderLifecycle;
      jobs: JobQueue;
      clock: Clock;
      logger: Logger;
      plan: DemoPlan;
      /** The window promised at checkout for the order's slowest line. */
      promisedWindow: (order: Order) => Promise<PromisedWindow | undefined>;
      everyMs: number;
    },
  ) {}

  /**
   * A periodic task rather than a job per order: the order rows are the truth, so a restart loses
   * nothing and arms nothing; packing "within minutes" needs no finer clock than the tick.
   */
  start(): Promise<void> {
    this.deps.jobs.every('demo-fulfilment', this.deps.everyMs, () => this.tick().then(() => undefined));
    return Promise.resolve();
  }

  close = () => Promise.resolve();

  /** Makes every move that is due now, as staff; answers how many. */
  async tick(): Promise<number> {
    const now = this.deps.clock();
    let moved = 0;
    const { packAfterMs, shipAfterMs, transitMs } = this.deps.plan;
    // Per status, only orders whose soonest move can be due: a backlog waiting for delivery windows never hides new orders.
    const work = await Promise.all([
      this.deps.orders.inStatus('PLACED', now - packAfterMs + 1, BATCH),
      this.deps.orders.inStatus('PACKED', now - shipAfterMs + 1, BATCH),
      this.deps.orders.inStatus('SHIPPED', now - transitMs + 1, BATCH),
    ]);
    for (const order of work.flat()) {
      const due = dueMove(order, this.deps.plan, order.status === 'SHIPPED' ? await this.window(order) : undefined);
      if (!due || due.at > now) continue;
      try {
        await this.deps.lifecycle.moveAs('staff', order.orderId, due.move);
        moved++;
      } catch (error) {
        // A shopper cancelled in between: the order moved on without us.
        if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
      }
    }
    if (moved) this.deps.logger.info({ moved }, 'demo fulfilment');
    return moved;
  }

  private async window(order: Order): Promise<PromisedWindow | undefined> {
    return this.deps.promisedWindow(order).catch((error: unknown) => {
      this.deps.logger.warn({ err: error, orderId: order.orderId }, 'no promised window for the order');
      return undefined;
    });
  }
}

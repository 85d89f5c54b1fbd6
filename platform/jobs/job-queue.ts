// The delayed-job port: run a named job at a time, e.g. expire an unpaid order. A trigger, never the truth:
// the state it acts on is re-checked when it runs, and a periodic sweep catches anything a trigger missed.
import type { Lifecycle } from '../lifecycle.ts';

export interface JobQueue extends Lifecycle {
  /**
   * Runs the handler of `queue` with `data` at or after `runAt` (ms since the epoch). Scheduling the same
   * jobId twice keeps one job. Delivery is at-least-once and may be late; handlers must be idempotent.
   */
  schedule(queue: string, jobId: string, data: Record<string, string>, runAt: number): Promise<void>;
  /** Removes a scheduled job; a missing one is ignored. */
  cancel(queue: string, jobId: string): Promise<void>;
  /** How many jobs of `queue` wait for their time (what scheduling without cancelling leaves behind). */
  pending(queue: string): Promise<number>;
  /** Registers the handler for a queue; jobs due before it was registered run once it is. */
  handle(queue: string, handler: (jobId: string, data: Record<string, string>) => Promise<void>): void;
  /**
   * Runs the handler of `queue` every `everyMs`, in one instance per period however many share the queue
   * (a scheduled job that moves data, unlike a sweep every instance runs); registering again keeps one
   * schedule, at the latest period. Each run's jobId names its period.
   */
  repeat(queue: string, everyMs: number): Promise<void>;
  /** Runs `task` every `everyMs` (the sweep); repeat registrations under one name keep one. */
  every(name: string, everyMs: number, task: () => Promise<void>): void;
}

// The embedded job queue: timers in this process. Valid for one process only, and jobs die with it:
// whoever schedules re-arms them on start from their own durable state (as order expiry does).
import type { Clock } from '../clock.ts';
import type { JobQueue } from './job-queue.ts';

type Handler = (jobId: string, data: Record<string, string>) => Promise<void>;

export class TimerQueue implements JobQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly handlers = new Map<string, Handler>();
  /** Jobs that came due before their queue had a handler. */
  private readonly waiting = new Map<string, { jobId: string; data: Record<string, string> }[]>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly deps: { clock: Clock; onError: (queue: string, jobId: string, error: unknown) => void },
  ) {}

  start = () => Promise.resolve();

  async close(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.running);
  }

  schedule(queue: string, jobId: string, data: Record<string, string>, runAt: number): Promise<void> {
    const key = `${queue}\u0000${jobId}`;
    if (!this.timers.has(key)) {
      const timer = setTimeout(
        () => {
          this.timers.delete(key);
          this.run(queue, jobId, data);
        },
        Math.max(0, runAt - this.deps.clock()),
      );
      // A pending job never keeps the process alive on its own.
      timer.unref();
      this.timers.set(key, timer);
    }
    return Promise.resolve();
  }

  cancel(queue: string, jobId: string): Promise<void> {
    const key = `${queue}\u0000${jobId}`;
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    return Promise.resolve();
  }

  pending(queue: string): Promise<number> {
    const prefix = `${queue}\u0000`;
    return Promise.resolve([...this.timers.keys()].filter((key) => key.startsWith(prefix)).length);
  }

  repeat(queue: string, everyMs: number): Promise<void> {
    const key = `repeat\u0000${queue}`;
    clearInterval(this.timers.get(key));
    // One process is every instance here; each run is named after the period it starts.
    const timer = setInterval(() => this.run(queue, `${queue}:${this.deps.clock()}`, {}), everyMs);
    timer.unref();
    this.timers.set(key, timer);
    return Promise.resolve();
  }

  handle(queue: string, handler: Handler): void {
    this.handlers.set(queue, handler);
    for (const job of this.waiting.get(queue) ?? []) this.run(queue, job.jobId, job.data);
    this.waiting.delete(queue);
  }

  every(name: string, everyMs: number, task: () => Promise<void>): void {
    const key = `every\u0000${name}`;
    if (this.timers.has(key)) return;
    const timer = setInterval(() => this.track(task(), 'every', name), everyMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  private run(queue: string, jobId: string, data: Record<string, string>): void {
    const handler = this.handlers.get(queue);
    if (!handler) {
      this.waiting.set(queue, [...(this.waiting.get(queue) ?? []), { jobId, data }]);
      return;
    }
    this.track(handler(jobId, data), queue, jobId);
  }

  private track(work: Promise<void>, queue: string, jobId: string): void {
    const tracked = work
      .catch((error: unknown) => this.deps.onError(queue, jobId, error))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }
}

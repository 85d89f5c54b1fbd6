// The real job queue: BullMQ delayed jobs in Redis, so a trigger survives a restart of the process
// that scheduled it and any instance can run it. Redis timing is not punctual: callers keep the truth
// in their own store and sweep for what a trigger missed.
import type * as Bullmq from 'bullmq';
import type { Job, Queue, Worker } from 'bullmq';
import type { Clock } from '../clock.ts';
import type { JobQueue } from './job-queue.ts';

type Handler = (jobId: string, data: Record<string, string>) => Promise<void>;

export class BullmqQueue implements JobQueue {
  private bullmq: typeof Bullmq | undefined;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly intervals = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly deps: {
      url: string;
      prefix?: string;
      clock: Clock;
      onError: (queue: string, jobId: string, error: unknown) => void;
    },
  ) {}

  async start(): Promise<void> {
    this.bullmq = await import('bullmq');
  }

  async close(): Promise<void> {
    for (const timer of this.intervals.values()) clearInterval(timer);
    this.intervals.clear();
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.workers.length = 0;
    this.queues.clear();
  }

  async schedule(queue: string, jobId: string, data: Record<string, string>, runAt: number): Promise<void> {
    // BullMQ ignores a job whose id is already waiting or delayed: scheduling twice keeps one.
    await this.queue(queue).add(queue, data, {
      jobId,
      delay: Math.max(0, runAt - this.deps.clock()),
      removeOnComplete: true,
      removeOnFail: 1000,
    });
  }

  async cancel(queue: string, jobId: string): Promise<void> {
    const job = (await this.queue(queue).getJob(jobId)) as Job | undefined;
    await job?.remove().catch(() => undefined);
  }

  pending(queue: string): Promise<number> {
    return this.queue(queue).getJobCountByTypes('delayed', 'waiting');
  }

  async repeat(queue: string, everyMs: number): Promise<void> {
    // A job scheduler lives in Redis: one job per period for all instances, and it outlives a restart.
    await this.queue(queue).upsertJobScheduler(
      queue,
      { every: everyMs },
      { name: queue, data: {}, opts: { removeOnComplete: true, removeOnFail: 1000 } },
    );
  }

  handle(queue: string, handler: Handler): void {
    const worker = new (this.lib().Worker)(queue, (job: Job<Record<string, string>>) => handler(job.id!, job.data), {
      connection: this.connection(),
      prefix: this.deps.prefix,
    });
    worker.on('failed', (job, error) => this.deps.onError(queue, job?.id ?? '?', error));
    worker.on('error', (error) => this.deps.onError(queue, '-', error));
    this.workers.push(worker);
  }

  /** Runs in every instance: the tasks it serves (sweeps) are idempotent, and one instance down must not stop them. */
  every(name: string, everyMs: number, task: () => Promise<void>): void {
    if (this.intervals.has(name)) return;
    const timer = setInterval(
      () => void task().catch((error: unknown) => this.deps.onError('every', name, error)),
      everyMs,
    );
    timer.unref();
    this.intervals.set(name, timer);
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue)
      this.queues.set(
        name,
        (queue = new (this.lib().Queue)(name, { connection: this.connection(), prefix: this.deps.prefix })),
      );
    return queue;
  }

  private connection() {
    const url = new URL(this.deps.url);
    // Workers block on Redis; BullMQ requires maxRetriesPerRequest null on their connections.
    return {
      host: url.hostname,
      port: Number(url.port || 6379),
      password: url.password || undefined,
      db: Number(url.pathname.slice(1) || 0),
      maxRetriesPerRequest: null,
    };
  }

  private lib() {
    if (!this.bullmq) throw new Error('the job queue is not started');
    return this.bullmq;
  }
}

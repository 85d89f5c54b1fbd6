// Calls to a worker thread, answered in the order they were sent: each call carries an id, and the
// thread (see answer-calls.ts) names it in its answer.
import type { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.ts';
import { startWorker } from './start-worker.ts';

export type ThreadAnswer = { id: number; result: unknown } | { id: number; error: string };

type Waiting = { resolve: (result: unknown) => void; reject: (error: Error) => void };

/** `Call` is the union of messages the thread takes, each with its `id`. */
export class ThreadCalls<Call extends { id: number }> {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  /** Why the thread stopped, once it has: every call after that fails with it. */
  private stopped: Error | undefined;

  /** `name` says what the thread is in errors and the log, e.g. 'search index'. */
  constructor(
    private readonly name: string,
    private readonly module: URL,
    private readonly options: {
      data?: object;
      logger?: Logger;
      /** What stops working while the thread is gone, for the log, e.g. 'publishing fails until the shop restarts'. */
      failing?: string;
      /** Told once the thread has gone away unasked (not by close()); start() may then start another. */
      onStop?: () => void;
    } = {},
  ) {}

  async start(): Promise<void> {
    const worker = await startWorker(this.module, this.options.data);
    worker.on('message', (answer: ThreadAnswer) => {
      const waiting = this.waiting.get(answer.id);
      // An answer after the thread was given up on has no one left to take it.
      if (!waiting) return;
      this.waiting.delete(answer.id);
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer.result);
    });
    worker.on('error', (error) =>
      this.fail(worker, new Error(`the ${this.name} thread failed: ${error.message}`, { cause: error })),
    );
    worker.on('exit', (code) => this.fail(worker, new Error(`the ${this.name} thread exited (code ${code})`)));
    this.worker = worker;
    this.stopped = undefined;
  }

  /** Stops the thread now; calls still waiting fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.stop(new Error(`the ${this.name} is closed`));
    await worker?.terminate();
  }

  call(message: WithoutId<Call>): Promise<unknown> {
    if (!this.worker || this.stopped)
      return Promise.reject(this.stopped ?? new Error(`the ${this.name} is not started`));
    const id = this.nextId++;
    const answered = new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.postMessage({ ...message, id });
    return answered;
  }

  /** The thread went away unasked: calls fail from now on, so say so once (an error is followed by an exit). */
  private fail(worker: Worker, reason: Error): void {
    // Also a thread replaced by a later start(): its exit is old news.
    if (worker !== this.worker || this.stopped) return;
    this.options.logger?.error(
      { err: reason },
      `${this.name} thread stopped; ${this.options.failing ?? 'its calls fail until the shop restarts'}`,
    );
    this.stop(reason);
    this.options.onStop?.();
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    for (const waiting of this.waiting.values()) waiting.reject(reason);
    this.waiting.clear();
  }
}

/** Each message of the union without its id (which `call` adds). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

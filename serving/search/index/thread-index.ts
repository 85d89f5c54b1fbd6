// The embedded search index on a thread of its own. A broad query scans thousands of matches: on the
// request thread every request in flight would wait for it, here only other searches do, and the
// scanning runs on the machine's second core while the first serves HTTP.
import type { Worker } from 'node:worker_threads';
import type { Logger } from '../../../platform/logger.ts';
import { startWorker } from '../../../platform/threads/start-worker.ts';
import type { IndexAnswer, IndexCall } from './index-thread.ts';
import type { SearchDoc, SearchIndex, SearchQuery, SearchResult } from './search-index.ts';

type Waiting = { resolve: (result: unknown) => void; reject: (error: Error) => void };

export class ThreadIndex implements SearchIndex {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  /** Why the thread stopped, once it has: every call after that fails with it. */
  private stopped: Error | undefined;

  constructor(private readonly logger?: Logger) {}

  async start(): Promise<void> {
    const worker = await startWorker(new URL('./index-thread.ts', import.meta.url));
    worker.on('message', (answer: IndexAnswer) => {
      const waiting = this.waiting.get(answer.id);
      // An answer after the thread was given up on has no one left to take it.
      if (!waiting) return;
      this.waiting.delete(answer.id);
      if ('error' in answer) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer.result);
    });
    worker.on('error', (error) => this.fail(new Error(`the search index thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => this.fail(new Error(`the search index thread exited (code ${code})`)));
    this.worker = worker;
    this.stopped = undefined;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.stop(new Error('the search index is closed'));
    await worker?.terminate();
  }

  upsert = (docs: SearchDoc[]) => this.call({ method: 'upsert', args: [docs] }) as Promise<void>;
  remove = (itemIds: string[]) => this.call({ method: 'remove', args: [itemIds] }) as Promise<void>;
  setStock = (changes: Parameters<SearchIndex['setStock']>[0]) => this.call({ method: 'setStock', args: [changes] }) as Promise<void>;
  search = (query: SearchQuery) => this.call({ method: 'search', args: [query] }) as Promise<SearchResult>;
  count = () => this.call({ method: 'count', args: [] }) as Promise<number>;

  private call(call: DistributiveOmit<IndexCall, 'id'>): Promise<unknown> {
    if (!this.worker || this.stopped) return Promise.reject(this.stopped ?? new Error('the search index is not started'));
    const id = this.nextId++;
    const answered = new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.postMessage({ ...call, id });
    return answered;
  }

  /** The thread went away unasked: searches fail from now on, so say so once. */
  private fail(reason: Error): void {
    if (!this.worker || this.stopped) return;
    this.logger?.error({ err: reason }, 'search index thread stopped; searches fail until the shop restarts');
    this.stop(reason);
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    for (const waiting of this.waiting.values()) waiting.reject(reason);
    this.waiting.clear();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

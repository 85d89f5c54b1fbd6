// Moves SQLite's WAL checkpoints off the request thread. A checkpoint copies the write-ahead log back
// into the database file and syncs it; left to SQLite, it runs inside whichever commit crosses the
// threshold, and under load that stalled the request thread (and every request queued behind it) for
// 40-50 ms every few seconds. A thread of its own checkpoints every file of the data folder a few times
// a second, so the log never grows to that threshold (kept as the backstop when this is not running).
import type { Worker } from 'node:worker_threads';
import type { Lifecycle } from '../lifecycle.ts';
import { startWorker } from '../threads/start-worker.ts';

export class BackgroundCheckpoints implements Lifecycle {
  private worker: Worker | undefined;

  constructor(private readonly options: { folder: string; everyMs: number }) {}

  async start(): Promise<void> {
    this.worker = await startWorker(new URL('./checkpoint-thread.ts', import.meta.url), this.options);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
  }
}

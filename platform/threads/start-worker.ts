// Starts a TypeScript module on a worker thread and waits until it is up.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/**
 * `module` is the thread's code, e.g. `new URL('./thread.ts', import.meta.url)`; it reads `data` as
 * `workerData`. The young generation may grow to 64 MB: a thread answering many small requests
 * otherwise keeps V8's smallest one and stops for a scavenge every few milliseconds.
 */
export async function startWorker(module: URL, data: object = {}): Promise<Worker> {
  const worker = new Worker(new URL('./typescript-worker.mjs', import.meta.url), {
    workerData: { ...data, module: module.href },
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  await once(worker, 'online');
  return worker;
}

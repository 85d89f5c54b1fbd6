// Starts a TypeScript module on a worker thread and waits until it is up.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** `module` is the thread's code, e.g. `new URL('./thread.ts', import.meta.url)`. */
export async function startWorker(module: URL): Promise<Worker> {
  const worker = new Worker(new URL('./typescript-worker.mjs', import.meta.url), { workerData: { module: module.href } });
  await once(worker, 'online');
  return worker;
}

// A worker thread of the ALS pool: makes its kernel over the shared memory, then runs each job it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { runChunks, type Job } from './als-jobs.ts';
import { createKernel, type KernelSpec } from './kernels/create-kernel.ts';

const { memory, spec, counter, scratch } = workerData as {
  memory: WebAssembly.Memory;
  spec: KernelSpec;
  counter: number;
  scratch: number;
};
const kernel = createKernel(spec, memory);
const claims = new Int32Array(memory.buffer, counter, 1);

parentPort!.on('message', (job: Job) => {
  try {
    runChunks(kernel, job, claims, memory, scratch);
    parentPort!.postMessage({ ok: true });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.stack : String(error) });
  }
});

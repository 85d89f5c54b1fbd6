// Runs ALS jobs on the calling thread (one thread) or on a pool of worker threads over the shared memory.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../platform/threads/start-worker.ts';
import { runChunks, type Job } from './als-jobs.ts';
import type { Arena } from './arena.ts';
import { createKernel, type KernelSpec } from './kernels/create-kernel.ts';

export interface JobRunner {
  run(job: Job): Promise<void>;
  close(): Promise<void>;
}

/** `threads` 1 runs inline; more starts that many workers, each with scratch of its own in the arena. */
export async function startRunner(
  arena: Arena,
  spec: KernelSpec,
  threads: number,
  factors: number,
): Promise<JobRunner> {
  const counter = arena.int32(1);
  const scratchBytes = 3 * factors * 4;
  if (threads <= 1) {
    const kernel = createKernel(spec, arena.memory);
    const scratch = arena.alloc(scratchBytes);
    return {
      run: (job) => {
        Atomics.store(counter, 0, 0);
        runChunks(kernel, job, counter, arena.memory, scratch);
        return Promise.resolve();
      },
      close: () => Promise.resolve(),
    };
  }
  const workers: Worker[] = await Promise.all(
    Array.from({ length: threads }, () =>
      startWorker(new URL('./als-thread.ts', import.meta.url), {
        memory: arena.memory,
        spec,
        counter: counter.byteOffset,
        scratch: arena.alloc(scratchBytes),
      }),
    ),
  );
  return {
    async run(job) {
      Atomics.store(counter, 0, 0);
      // Fewer chunks than threads: the extra threads would only claim nothing.
      const busy = workers.slice(0, Math.max(1, Math.min(workers.length, job.chunks)));
      await Promise.all(busy.map((worker) => ask(worker, job)));
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function ask(worker: Worker, job: Job): Promise<void> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`an ALS thread exited (code ${code}) during a ${job.op} job`));
    worker.once('exit', onExit);
    worker.once('message', (answer: { ok: boolean; message?: string }) => {
      worker.off('exit', onExit);
      if (answer.ok) resolve();
      else reject(new Error(`an ALS thread failed a ${job.op} job: ${answer.message}`));
    });
    worker.postMessage(job);
  });
}

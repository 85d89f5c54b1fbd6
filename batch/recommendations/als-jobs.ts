// The three kinds of work one ALS iteration hands out, split into chunks of rows that threads claim in
// turn. A chunk's result lands in a slot named by the chunk, never by the thread, so sums come out the
// same whatever thread did which chunk, and however many threads there were.
import type { Csr } from './csr.ts';
import type { HalfStep, Kernel } from './kernels/kernel.ts';

interface Chunked {
  /** Byte offset of chunks + 1 Int32 row boundaries: chunk c is rows [bounds[c], bounds[c + 1]). */
  bounds: number;
  chunks: number;
}

export type Job =
  | (Chunked & { op: 'gram'; y: number; factors: number; out: number })
  | (Chunked & { op: 'solve'; step: HalfStep; steps: number })
  | (Chunked & { op: 'loss'; step: HalfStep; out: number });

/**
 * Claims chunks from the shared counter until none is left. gram writes chunk c's Σ yyᵀ at
 * out + c·factors²·4; loss writes chunk c's sum as a Float64 at out + c·8.
 */
export function runChunks(kernel: Kernel, job: Job, counter: Int32Array, memory: WebAssembly.Memory, scratch: number) {
  const bounds = new Int32Array(memory.buffer, job.bounds, job.chunks + 1);
  for (;;) {
    const c = Atomics.add(counter, 0, 1);
    if (c >= job.chunks) return;
    const from = bounds[c]!;
    const to = bounds[c + 1]!;
    if (job.op === 'gram') kernel.gram(job.y, job.factors, from, to, job.out + c * job.factors * job.factors * 4);
    else if (job.op === 'solve') kernel.solve(job.step, job.steps, from, to, scratch);
    else new Float64Array(memory.buffer, job.out, job.chunks)[c] = kernel.loss(job.step, from, to, scratch);
  }
}

/** Boundaries of chunks of `size` rows. */
export function evenChunks(rows: number, size: number): Int32Array {
  const chunks = Math.max(1, Math.ceil(rows / size));
  return Int32Array.from({ length: chunks + 1 }, (_, c) => Math.min(rows, c * size));
}

/**
 * Boundaries of about `count` chunks of equal work, a row costing its interactions plus its share of
 * the dense product (factors / 2): with Zipf-skewed items, chunks of equal row counts would leave one
 * thread with all the popular items.
 */
export function balancedChunks(m: Csr, factors: number, count: number): Int32Array {
  const cost = (r: number) => m.indptr[r + 1]! - m.indptr[r]! + factors / 2;
  let total = 0;
  for (let r = 0; r < m.rows; r++) total += cost(r);
  const target = total / count;
  const bounds = [0];
  let sum = 0;
  for (let r = 0; r < m.rows; r++) {
    sum += cost(r);
    if (sum >= target && r + 1 < m.rows) {
      bounds.push(r + 1);
      sum = 0;
    }
  }
  bounds.push(m.rows);
  return Int32Array.from(bounds);
}

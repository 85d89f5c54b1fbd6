// Implicit-feedback ALS (Hu, Koren and Volinsky 2008) with conjugate-gradient row solves, as the
// `implicit` library does: each half-step fixes one side's factors and moves every row of the other a
// few CG steps from where it was, which after the first iterations is close to the exact solve.
import { availableParallelism } from 'node:os';
import { DomainError } from '../../platform/errors.ts';
import { balancedChunks, evenChunks } from './als-jobs.ts';
import { startRunner } from './als-pool.ts';
import { Arena } from './arena.ts';
import { nonZeros, transpose, type Csr } from './csr.ts';
import type { HalfStep } from './kernels/kernel.ts';
import { loadKernelSpec } from './kernels/load-kernel.ts';
import { seededRandom } from './random.ts';

export interface AlsOptions {
  /** Latent factors per shopper and item; a multiple of 4 (the SIMD width). */
  factors: number;
  iterations: number;
  /** λ, added to the diagonal of every row's system. */
  regularization: number;
  /** λ times the row's interaction count instead (ALS-WR, as Spark MLlib regularises). */
  scaleRegularization: boolean;
  /** Confidence c = 1 + alpha · weight for an observed pair; unobserved pairs have c = 1 and target 0. */
  alpha: number;
  /** CG steps per row per half-step (implicit's default is 3). */
  cgSteps: number;
  seed: number;
  threads: number;
  /** 'auto' uses WebAssembly SIMD where available. */
  kernel: 'auto' | 'wasm' | 'js';
  /** 'small': uniform values in [0, 0.01) as `implicit` starts; 'unit': unit-length Gaussian rows as Spark MLlib. */
  init: 'small' | 'unit';
  /** Computing the loss costs about a CG step per iteration; off, onIteration gets NaN. */
  computeLoss: boolean;
}

export const DEFAULT_ALS: AlsOptions = {
  factors: 64,
  iterations: 15,
  regularization: 0.01,
  scaleRegularization: false,
  alpha: 10,
  cgSteps: 3,
  seed: 42,
  threads: Math.min(8, availableParallelism()),
  kernel: 'auto',
  init: 'small',
  computeLoss: true,
};

export interface AlsFactors {
  factors: number;
  /** Row-major users × factors and items × factors. */
  userFactors: Float32Array;
  itemFactors: Float32Array;
  /** The training loss after each iteration (NaN where it was not computed). */
  losses: number[];
}

export interface IterationReport {
  iteration: number;
  loss: number;
  /** Wall time of the iteration, and of its parts (Gram matrices, the users' and the items' solves, the loss). */
  ms: number;
  phases: { gram: number; users: number; items: number; loss: number };
  /** CPU time of the whole process (all threads) during the iteration. */
  cpuMs: number;
}

/** Rows per chunk of a Gram matrix, and chunks of equal work per half-step (enough for threads to even out). */
const GRAM_ROWS = 4096;
const CHUNKS = 256;

/** Learns user and item factors from a users × items matrix of interaction weights. */
export async function trainAls(
  userItems: Csr,
  options: Partial<AlsOptions> = {},
  onIteration: (report: IterationReport) => void = () => {},
): Promise<AlsFactors> {
  const o = { ...DEFAULT_ALS, ...options };
  validate(o);
  const k = o.factors;
  const users = userItems.rows;
  const items = userItems.cols;
  const nnz = nonZeros(userItems);
  const arena = new Arena(8 * (users + items) + 16 * nnz + 4 * k * (users + items));
  const byUser = copyInto(arena, userItems);
  const byItem = transpose(byUser, arena);
  const X = arena.float32(users * k);
  const Y = arena.float32(items * k);
  initialise(X, k, o.seed, 0, o.init);
  initialise(Y, k, o.seed, 1, o.init);
  const place = (bounds: Int32Array) => ({ bounds: copyArray(arena, bounds).byteOffset, chunks: bounds.length - 1 });
  const gramChunks = { users: place(evenChunks(users, GRAM_ROWS)), items: place(evenChunks(items, GRAM_ROWS)) };
  const solveChunks = {
    users: place(balancedChunks(byUser, k, CHUNKS)),
    items: place(balancedChunks(byItem, k, CHUNKS)),
  };
  const partials = arena.alloc(Math.max(gramChunks.users.chunks, gramChunks.items.chunks) * k * k * 4);
  const gram = arena.float32(k * k);
  const plainGram = arena.float32(k * k);
  const lossOut = arena.float64(solveChunks.users.chunks);
  const spec = await loadKernelSpec(o.kernel);
  const runner = await startRunner(arena, spec, o.threads, k);
  const off = (a: { byteOffset: number }) => a.byteOffset;
  const halfStep = (m: Csr, x: Float32Array, y: Float32Array, g: Float32Array): HalfStep => ({
    indptr: off(m.indptr),
    indices: off(m.indices),
    data: off(m.data),
    x: off(x),
    y: off(y),
    gram: off(g),
    factors: k,
    alpha: o.alpha,
    rowLambda: o.scaleRegularization ? o.regularization : 0,
  });
  const gramLambda = o.scaleRegularization ? 0 : o.regularization;
  const computeGram = async (y: Float32Array, chunks: { bounds: number; chunks: number }) => {
    await runner.run({ op: 'gram', y: off(y), factors: k, out: partials, ...chunks });
    sumGram(arena, partials, chunks.chunks, k, gramLambda, plainGram, gram);
  };
  const losses: number[] = [];
  try {
    for (let iteration = 1; iteration <= o.iterations; iteration++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const phases = { gram: 0, users: 0, items: 0, loss: 0 };
      const timed = async (phase: keyof typeof phases, work: () => Promise<void>) => {
        const t = performance.now();
        await work();
        phases[phase] += performance.now() - t;
      };
      await timed('gram', () => computeGram(Y, gramChunks.items));
      const solveUsers = halfStep(byUser, X, Y, gram);
      await timed('users', () => runner.run({ op: 'solve', step: solveUsers, steps: o.cgSteps, ...solveChunks.users }));
      await timed('gram', () => computeGram(X, gramChunks.users));
      const solveItems = halfStep(byItem, Y, X, gram);
      await timed('items', () => runner.run({ op: 'solve', step: solveItems, steps: o.cgSteps, ...solveChunks.items }));
      let loss = NaN;
      if (o.computeLoss) {
        await timed('loss', () => computeGram(Y, gramChunks.items));
        const step = halfStep(byUser, X, Y, plainGram);
        await timed('loss', () => runner.run({ op: 'loss', step, out: lossOut.byteOffset, ...solveChunks.users }));
        loss = normalisedLoss(lossOut, X, Y, byUser, byItem, o, users * items);
      }
      losses.push(loss);
      const used = process.cpuUsage(cpu);
      const ms = performance.now() - started;
      onIteration({ iteration, loss, ms, phases, cpuMs: (used.user + used.system) / 1000 });
    }
  } finally {
    await runner.close();
  }
  // Copied out of the arena so the interactions and scratch it holds can be freed.
  return { factors: k, userFactors: X.slice(), itemFactors: Y.slice(), losses };
}

function validate(o: AlsOptions) {
  const whole = (v: number, min: number) => Number.isInteger(v) && v >= min;
  if (!whole(o.factors, 4) || o.factors % 4 !== 0 || o.factors > 1024)
    throw new DomainError('invalid', 'factors', 'factors must be a multiple of 4 between 4 and 1024');
  if (!whole(o.iterations, 1)) throw new DomainError('invalid', 'iterations', 'iterations must be at least 1');
  if (!whole(o.cgSteps, 1)) throw new DomainError('invalid', 'cgSteps', 'cgSteps must be at least 1');
  if (!whole(o.threads, 1)) throw new DomainError('invalid', 'threads', 'threads must be at least 1');
  if (!(o.regularization >= 0) || !Number.isFinite(o.regularization))
    throw new DomainError('invalid', 'regularization', 'regularization must be a number of at least 0');
  if (o.init !== 'small' && o.init !== 'unit')
    throw new DomainError('invalid', 'init', "init must be 'small' or 'unit'");
  if (!(o.alpha > 0) || !Number.isFinite(o.alpha))
    throw new DomainError('invalid', 'alpha', 'alpha must be a number above 0');
}

function copyInto(arena: Arena, m: Csr): Csr {
  const nnz = nonZeros(m);
  const indptr = copyArray(arena, m.indptr);
  const indices = copyArray(arena, m.indices.subarray(0, nnz));
  const data = arena.float32(nnz);
  data.set(m.data.subarray(0, nnz));
  return { rows: m.rows, cols: m.cols, indptr, indices, data };
}

function copyArray(arena: Arena, from: Int32Array): Int32Array {
  const to = arena.int32(from.length);
  to.set(from);
  return to;
}

/** Row r drawn from (seed, side, r): small uniform values as `implicit` starts (rand · 0.01), or a
 * Gaussian row scaled to unit length as Spark MLlib starts. */
function initialise(f: Float32Array, k: number, seed: number, side: number, init: AlsOptions['init']) {
  const rows = f.length / k;
  for (let r = 0; r < rows; r++) {
    const random = seededRandom(seed, side, r);
    const row = f.subarray(r * k, (r + 1) * k);
    if (init === 'small') {
      for (let a = 0; a < k; a++) row[a] = random() * 0.01;
      continue;
    }
    let norm = 0;
    for (let a = 0; a < k; a++) {
      // Box-Muller; 1 − u keeps the logarithm finite.
      const g = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      row[a] = g;
      norm += g * g;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let a = 0; a < k; a++) row[a]! *= scale;
  }
}

/** Adds the chunks' partial Gram matrices in chunk order; gram gets λ on its diagonal, plain does not. */
function sumGram(
  arena: Arena,
  at: number,
  chunks: number,
  k: number,
  lambda: number,
  plain: Float32Array,
  gram: Float32Array,
) {
  const parts = new Float32Array(arena.memory.buffer, at, chunks * k * k);
  const sum = new Float64Array(k * k);
  for (let c = 0; c < chunks; c++) for (let e = 0; e < k * k; e++) sum[e]! += parts[c * k * k + e]!;
  for (let e = 0; e < k * k; e++) plain[e] = sum[e]!;
  for (let e = 0; e < k * k; e++) gram[e] = sum[e]! + (e % (k + 1) === 0 ? lambda : 0);
}

/** implicit's loss: Σ c (p − x·y)² + λ(‖X‖² + ‖Y‖²), divided by the total confidence of all pairs; with
 * scaled regularisation each row's ‖x‖² counts as many times as the row has interactions. */
function normalisedLoss(
  parts: Float64Array,
  X: Float32Array,
  Y: Float32Array,
  m: Csr,
  t: Csr,
  o: AlsOptions,
  pairs: number,
) {
  let data = 0;
  for (const p of parts) data += p;
  const k = o.factors;
  const rowNorms = (f: Float32Array, rows: Csr) => {
    let sum = 0;
    for (let r = 0; r < rows.rows; r++) {
      let own = 0;
      for (let a = r * k; a < (r + 1) * k; a++) own += f[a]! * f[a]!;
      sum += o.scaleRegularization ? own * (rows.indptr[r + 1]! - rows.indptr[r]!) : own;
    }
    return sum;
  };
  const norms = rowNorms(X, m) + rowNorms(Y, t);
  let confidence = 0;
  const nnz = nonZeros(m);
  for (let e = 0; e < nnz; e++) confidence += 1 + o.alpha * m.data[e]!;
  return (data + o.regularization * norms) / (confidence + pairs - nnz);
}

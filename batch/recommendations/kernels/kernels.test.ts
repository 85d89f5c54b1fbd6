// Both ALS kernels against direct oracles: a CG solve run to k steps equals a Cholesky solve of the
// same system, and the loss equals the sum over every pair written out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Arena } from '../arena.ts';
import { seededRandom } from '../random.ts';
import { createKernel } from './create-kernel.ts';
import type { HalfStep, Kernel } from './kernel.ts';
import { loadKernelSpec } from './load-kernel.ts';

/** Solves A x = b for a symmetric positive definite A (row-major n × n) in double precision. */
function choleskySolve(A: Float64Array, b: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j]!;
      for (let p = 0; p < j; p++) s -= L[i * n + p]! * L[j * n + p]!;
      L[i * n + j] = i === j ? Math.sqrt(s) : s / L[j * n + j]!;
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let p = 0; p < i; p++) s -= L[i * n + p]! * z[p]!;
    z[i] = s / L[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let p = i + 1; p < n; p++) s -= L[p * n + i]! * x[p]!;
    x[i] = s / L[i * n + i]!;
  }
  return x;
}

/** A problem with `rows` rows to solve against `others` fixed rows, each row holding `perRow` interactions. */
function problem(seed: number, k: number, rows: number, others: number, perRow: number, lambda: number) {
  const random = seededRandom(seed);
  const arena = new Arena(1 << 20);
  const indptr = arena.int32(rows + 1);
  const indices = arena.int32(rows * perRow);
  const data = arena.float32(rows * perRow);
  for (let r = 0; r < rows; r++) {
    indptr[r + 1] = (r + 1) * perRow;
    const chosen = new Set<number>();
    while (chosen.size < perRow) chosen.add(Math.floor(random() * others));
    [...chosen]
      .sort((a, b) => a - b)
      .forEach((c, j) => {
        indices[r * perRow + j] = c;
        data[r * perRow + j] = 1 + Math.floor(random() * 5);
      });
  }
  // Filled in place: map() would return a copy outside the arena.
  const x = arena.float32(rows * k);
  for (let i = 0; i < x.length; i++) x[i] = random() * 0.1;
  const y = arena.float32(others * k);
  for (let i = 0; i < y.length; i++) y[i] = random() * 2 - 1;
  const gram = arena.float32(k * k);
  const plain = arena.float32(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let i = 0; i < others; i++) s += y[i * k + a]! * y[i * k + b]!;
      plain[a * k + b] = s;
      gram[a * k + b] = s + (a === b ? lambda : 0);
    }
  const step = (g: Float32Array, alpha: number, rowLambda = 0): HalfStep => ({
    indptr: indptr.byteOffset,
    indices: indices.byteOffset,
    data: data.byteOffset,
    x: x.byteOffset,
    y: y.byteOffset,
    gram: g.byteOffset,
    factors: k,
    alpha,
    rowLambda,
  });
  return { arena, indptr, indices, data, x, y, gram, plain, step, scratch: arena.alloc(3 * k * 4) };
}

const kernels = async (memory: WebAssembly.Memory): Promise<[string, Kernel][]> => [
  ['typescript', createKernel({ kind: 'js' }, memory)],
  ['webassembly', createKernel(await loadKernelSpec('wasm'), memory)],
];

describe('ALS kernels', () => {
  it('a CG solve run for as many steps as factors equals the Cholesky solve of (yᵀCy + λI + λₙnI) x = yᵀCp', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom(4, 8, 12, 16, 20, 32),
        fc.integer({ min: 0, max: 9 }),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.constantFrom(0, 0.05, 0.7),
        async (seed, k, perRow, alpha, rowLambda) => {
          const lambda = 1;
          const p = problem(seed, k, 2, 40, perRow, lambda);
          const A = Float64Array.from(p.gram);
          // Scaled regularisation (ALS-WR): λₙ for each of the row's entries on the diagonal.
          for (let i = 0; i < k; i++) A[i * k + i]! += rowLambda * perRow;
          const b = new Float64Array(k);
          for (let e = p.indptr[1]!; e < p.indptr[2]!; e++) {
            const o = p.indices[e]! * k;
            const c1 = alpha * p.data[e]!;
            for (let i = 0; i < k; i++) {
              b[i]! += (1 + c1) * p.y[o + i]!;
              for (let j = 0; j < k; j++) A[i * k + j]! += c1 * p.y[o + i]! * p.y[o + j]!;
            }
          }
          const exact = choleskySolve(A, b, k);
          const start = p.x.slice();
          for (const [, kernel] of await kernels(p.arena.memory)) {
            p.x.set(start);
            kernel.solve(p.step(p.gram, alpha, rowLambda), 2 * k, 0, 2, p.scratch);
            const scale = Math.max(1, ...exact.map(Math.abs));
            for (let i = 0; i < k; i++) expect(Math.abs(p.x[k + i]! - exact[i]!) / scale).toBeLessThan(2e-3);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('each CG step, warm started from the last, lowers the objective it solves (the loss with λ‖x‖²)', async () => {
    const p = problem(7, 16, 30, 200, 12, 0.5);
    for (const [name, kernel] of await kernels(p.arena.memory)) {
      const start = p.x.slice();
      const after = [1, 2, 3].map(() => {
        kernel.solve(p.step(p.gram, 2), 1, 0, 30, p.scratch);
        // With λ in the Gram matrix the loss gains λ‖x‖²: the rows' own objective, up to a constant.
        return kernel.loss(p.step(p.gram, 2), 0, 30, p.scratch);
      });
      expect(after[1], name).toBeLessThan(after[0]!);
      expect(after[2], name).toBeLessThanOrEqual(after[1]!);
      p.x.set(start);
    }
  });

  it('the loss equals Σ over every pair c (p − x·y)² without the regularisation', async () => {
    const k = 8;
    const rows = 5;
    const others = 30;
    const alpha = 3;
    const p = problem(11, k, rows, others, 6, 0);
    let expected = 0;
    for (let r = 0; r < rows; r++) {
      const observed = new Map<number, number>();
      for (let e = p.indptr[r]!; e < p.indptr[r + 1]!; e++) observed.set(p.indices[e]!, p.data[e]!);
      for (let i = 0; i < others; i++) {
        let s = 0;
        for (let a = 0; a < k; a++) s += p.x[r * k + a]! * p.y[i * k + a]!;
        const w = observed.get(i);
        expected += w === undefined ? s * s : (1 + alpha * w) * (1 - s) ** 2;
      }
    }
    for (const [name, kernel] of await kernels(p.arena.memory)) {
      expect(kernel.loss(p.step(p.plain, alpha), 0, rows, p.scratch), name).toBeCloseTo(expected, 3);
    }
  });

  it('the Gram matrix of a range of rows is Σ yyᵀ over them', async () => {
    const p = problem(3, 12, 1, 50, 1, 0);
    const out = p.arena.float32(12 * 12);
    for (const [name, kernel] of await kernels(p.arena.memory)) {
      kernel.gram(p.y.byteOffset, 12, 10, 50, out.byteOffset);
      for (let a = 0; a < 12; a++)
        for (let b = 0; b < 12; b++) {
          let s = 0;
          for (let i = 10; i < 50; i++) s += p.y[i * 12 + a]! * p.y[i * 12 + b]!;
          expect(out[a * 12 + b], name).toBeCloseTo(s, 4);
        }
    }
  });
});

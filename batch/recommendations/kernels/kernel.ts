// The inner loops of ALS behind one interface, with a plain TypeScript and a WebAssembly SIMD version.
// Every argument that names an array is a byte offset into one shared memory, so both versions, and
// every worker thread, read and write the same factors without copying.

/** One half-step's inputs: the rows being solved (x) and the fixed other side (y), with their interactions. */
export interface HalfStep {
  /** Byte offsets of the CSR arrays whose rows are x's rows and columns y's rows. */
  indptr: number;
  indices: number;
  data: number;
  /** Byte offsets of the row-major Float32 factor matrices (x: rows being solved, y: fixed). */
  x: number;
  y: number;
  /** Byte offset of yᵀy + λI (Float32, factors × factors). */
  gram: number;
  factors: number;
  /** c = 1 + alpha · weight. */
  alpha: number;
  /** λ per observed entry: a row with n entries gets rowLambda · n more on its diagonal (ALS-WR); 0 for none. */
  rowLambda: number;
}

export interface Kernel {
  /** out = Σ y_r y_rᵀ over rows [from, to) of the matrix at y (Float32, factors × factors, overwritten). */
  gram(y: number, factors: number, from: number, to: number, out: number): void;
  /**
   * Moves each row of x in [from, to) towards its least-squares solution (yᵀCy + λI + rowLambda · n I) x = yᵀC p with
   * `steps` conjugate-gradient steps started from the row's current value. `scratch` is 3 · factors
   * Float32 the caller's thread owns.
   */
  solve(h: HalfStep, steps: number, from: number, to: number, scratch: number): void;
  /**
   * The data part of the loss over rows [from, to): Σ_u x_uᵀ G x_u + Σ_observed (c − 2c·s + (c − 1)·s²),
   * where s = x_u·y_i and G (at h.gram) is yᵀy without λ. The caller adds the unobserved pairs'
   * normaliser and the regularisation.
   */
  loss(h: HalfStep, from: number, to: number, scratch: number): number;
}

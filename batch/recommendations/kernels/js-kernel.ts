// The ALS inner loops in plain TypeScript over Float32Array views: the reference the WebAssembly
// kernel is checked against, and the fallback where WebAssembly SIMD is missing.
import type { HalfStep, Kernel } from './kernel.ts';

export function jsKernel(memory: { buffer: ArrayBufferLike }): Kernel {
  const f32 = () => new Float32Array(memory.buffer);
  const i32 = () => new Int32Array(memory.buffer);
  return {
    gram(y, k, from, to, out) {
      const m = f32();
      const Y = y >> 2;
      const O = out >> 2;
      const acc = new Float64Array(k * k);
      for (let r = from; r < to; r++) {
        const o = Y + r * k;
        for (let a = 0; a < k; a++) {
          const va = m[o + a]!;
          if (va === 0) continue;
          for (let b = a; b < k; b++) acc[a * k + b]! += va * m[o + b]!;
        }
      }
      for (let a = 0; a < k; a++) for (let b = a; b < k; b++) m[O + a * k + b] = m[O + b * k + a] = acc[a * k + b]!;
    },

    solve(h, steps, from, to, scratch) {
      const m = f32();
      const ints = i32();
      const { indptr, indices, data, X, Y, G, k, alpha, rowLambda } = views(h);
      const R = scratch >> 2;
      const P = R + k;
      const AP = P + k;
      for (let u = from; u < to; u++) {
        const xo = X + u * k;
        const start = ints[indptr + u]!;
        const end = ints[indptr + u + 1]!;
        const own = rowLambda * (end - start);
        // r = yᵀC p − (yᵀCy + λI) x, with yᵀCy = yᵀy + yᵀ(C − I)y summed over the row's items only.
        for (let a = 0; a < k; a++) {
          let s = own * m[xo + a]!;
          for (let b = 0; b < k; b++) s += m[G + a * k + b]! * m[xo + b]!;
          m[R + a] = -s;
        }
        for (let e = start; e < end; e++) {
          const yo = Y + ints[indices + e]! * k;
          const c1 = alpha * m[data + e]!;
          let s = 0;
          for (let a = 0; a < k; a++) s += m[yo + a]! * m[xo + a]!;
          const coef = 1 + c1 - c1 * s;
          for (let a = 0; a < k; a++) m[R + a]! += coef * m[yo + a]!;
        }
        let rs = 0;
        for (let a = 0; a < k; a++) {
          m[P + a] = m[R + a]!;
          rs += m[R + a]! * m[R + a]!;
        }
        for (let step = 0; step < steps && rs > 1e-20; step++) {
          for (let a = 0; a < k; a++) {
            let s = own * m[P + a]!;
            for (let b = 0; b < k; b++) s += m[G + a * k + b]! * m[P + b]!;
            m[AP + a] = s;
          }
          for (let e = start; e < end; e++) {
            const yo = Y + ints[indices + e]! * k;
            let s = 0;
            for (let a = 0; a < k; a++) s += m[yo + a]! * m[P + a]!;
            const coef = alpha * m[data + e]! * s;
            for (let a = 0; a < k; a++) m[AP + a]! += coef * m[yo + a]!;
          }
          let pAp = 0;
          for (let a = 0; a < k; a++) pAp += m[P + a]! * m[AP + a]!;
          const size = rs / pAp;
          let next = 0;
          for (let a = 0; a < k; a++) {
            m[xo + a]! += size * m[P + a]!;
            m[R + a]! -= size * m[AP + a]!;
            next += m[R + a]! * m[R + a]!;
          }
          const beta = next / rs;
          for (let a = 0; a < k; a++) m[P + a] = m[R + a]! + beta * m[P + a]!;
          rs = next;
        }
      }
    },

    loss(h, from, to, scratch) {
      const m = f32();
      const ints = i32();
      const { indptr, indices, data, X, Y, G, k, alpha } = views(h);
      const R = scratch >> 2;
      let total = 0;
      for (let u = from; u < to; u++) {
        const xo = X + u * k;
        for (let a = 0; a < k; a++) {
          let s = 0;
          for (let b = 0; b < k; b++) s += m[G + a * k + b]! * m[xo + b]!;
          m[R + a] = s;
        }
        for (let e = ints[indptr + u]!; e < ints[indptr + u + 1]!; e++) {
          const yo = Y + ints[indices + e]! * k;
          const c1 = alpha * m[data + e]!;
          let s = 0;
          for (let a = 0; a < k; a++) s += m[yo + a]! * m[xo + a]!;
          // c − 2c·s + (c − 1)·s², with the s² part folded into r so that x·r gives it.
          const coef = c1 * s - 2 * (1 + c1);
          for (let a = 0; a < k; a++) m[R + a]! += coef * m[yo + a]!;
          total += 1 + c1;
        }
        for (let a = 0; a < k; a++) total += m[R + a]! * m[xo + a]!;
      }
      return total;
    },
  };
}

/** Byte offsets turned into element indices for the views. */
function views(h: HalfStep) {
  return {
    indptr: h.indptr >> 2,
    indices: h.indices >> 2,
    data: h.data >> 2,
    X: h.x >> 2,
    Y: h.y >> 2,
    G: h.gram >> 2,
    k: h.factors,
    alpha: h.alpha,
    rowLambda: h.rowLambda,
  };
}

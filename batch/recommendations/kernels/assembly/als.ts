// The ALS inner loops in AssemblyScript with 128-bit SIMD (compiled to als.wasm by `npm run build:wasm`);
// the same contract as js-kernel.ts, over byte offsets into the imported shared memory. factors is a
// multiple of 4, every matrix row 16-byte aligned.

/** a · b over k floats, four lanes at a time in two accumulators. */
@inline
function dot(a: usize, b: usize, k: i32): f32 {
  let s0 = f32x4.splat(0);
  let s1 = f32x4.splat(0);
  let j: i32 = 0;
  for (; j + 8 <= k; j += 8) {
    const o = <usize>(j << 2);
    s0 = f32x4.add(s0, f32x4.mul(v128.load(a + o), v128.load(b + o)));
    s1 = f32x4.add(s1, f32x4.mul(v128.load(a + o, 16), v128.load(b + o, 16)));
  }
  if (j < k) {
    const o = <usize>(j << 2);
    s0 = f32x4.add(s0, f32x4.mul(v128.load(a + o), v128.load(b + o)));
  }
  const s = f32x4.add(s0, s1);
  return f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1) + f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3);
}

/** out += c · a over k floats. */
@inline
function axpy(c: f32, a: usize, out: usize, k: i32): void {
  const cv = f32x4.splat(c);
  for (let j: i32 = 0; j < k; j += 4) {
    const o = <usize>(j << 2);
    v128.store(out + o, f32x4.add(v128.load(out + o), f32x4.mul(cv, v128.load(a + o))));
  }
}

/** out = c · G v for the symmetric k × k matrix G, sixteen outputs at a time held in registers. */
@inline
function gemv(g: usize, v: usize, out: usize, k: i32, c: f32): void {
  const row = <usize>k << 2;
  let j: i32 = 0;
  for (; j + 16 <= k; j += 16) {
    let a0 = f32x4.splat(0);
    let a1 = f32x4.splat(0);
    let a2 = f32x4.splat(0);
    let a3 = f32x4.splat(0);
    let gb = g + (<usize>j << 2);
    for (let b: i32 = 0; b < k; b++, gb += row) {
      const vb = f32x4.splat(load<f32>(v + (<usize>b << 2)));
      a0 = f32x4.add(a0, f32x4.mul(vb, v128.load(gb)));
      a1 = f32x4.add(a1, f32x4.mul(vb, v128.load(gb, 16)));
      a2 = f32x4.add(a2, f32x4.mul(vb, v128.load(gb, 32)));
      a3 = f32x4.add(a3, f32x4.mul(vb, v128.load(gb, 48)));
    }
    const cv = f32x4.splat(c);
    const o = out + (<usize>j << 2);
    v128.store(o, f32x4.mul(cv, a0));
    v128.store(o, f32x4.mul(cv, a1), 16);
    v128.store(o, f32x4.mul(cv, a2), 32);
    v128.store(o, f32x4.mul(cv, a3), 48);
  }
  for (; j < k; j += 4) {
    let a0 = f32x4.splat(0);
    let gb = g + (<usize>j << 2);
    for (let b: i32 = 0; b < k; b++, gb += row) a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(load<f32>(v + (<usize>b << 2))), v128.load(gb)));
    v128.store(out + (<usize>j << 2), f32x4.mul(f32x4.splat(c), a0));
  }
}

@inline
function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/**
 * out += Σ_e w_e y_e over the row's entries [start, end), with s_e = y_e · v, c_e = alpha · weight_e and
 * w_e = base · (1 + c_e) + sign · c_e · s_e: the residual's (base 1, sign −1) and the CG product's
 * (base 0, sign 1) sums. Four entries at a time: four independent dot products, then one pass over out.
 */
@inline
function accumulate(
  indices: usize,
  data: usize,
  start: i32,
  end: i32,
  y: usize,
  v: usize,
  out: usize,
  k: i32,
  alpha: f32,
  base: f32,
  sign: f32,
): void {
  const bytes = <usize>k << 2;
  let e = start;
  for (; e + 4 <= end; e += 4) {
    const at = indices + (<usize>e << 2);
    const y0 = y + <usize>load<i32>(at) * bytes;
    const y1 = y + <usize>load<i32>(at, 4) * bytes;
    const y2 = y + <usize>load<i32>(at, 8) * bytes;
    const y3 = y + <usize>load<i32>(at, 12) * bytes;
    let d0 = f32x4.splat(0);
    let d1 = f32x4.splat(0);
    let d2 = f32x4.splat(0);
    let d3 = f32x4.splat(0);
    for (let o: usize = 0; o < bytes; o += 16) {
      const vo = v128.load(v + o);
      d0 = f32x4.add(d0, f32x4.mul(v128.load(y0 + o), vo));
      d1 = f32x4.add(d1, f32x4.mul(v128.load(y1 + o), vo));
      d2 = f32x4.add(d2, f32x4.mul(v128.load(y2 + o), vo));
      d3 = f32x4.add(d3, f32x4.mul(v128.load(y3 + o), vo));
    }
    const w = data + (<usize>e << 2);
    const c0 = alpha * load<f32>(w);
    const c1 = alpha * load<f32>(w, 4);
    const c2 = alpha * load<f32>(w, 8);
    const c3 = alpha * load<f32>(w, 12);
    const w0 = f32x4.splat(base * (1 + c0) + sign * c0 * hsum(d0));
    const w1 = f32x4.splat(base * (1 + c1) + sign * c1 * hsum(d1));
    const w2 = f32x4.splat(base * (1 + c2) + sign * c2 * hsum(d2));
    const w3 = f32x4.splat(base * (1 + c3) + sign * c3 * hsum(d3));
    for (let o: usize = 0; o < bytes; o += 16) {
      let sum = f32x4.add(f32x4.mul(w0, v128.load(y0 + o)), f32x4.mul(w1, v128.load(y1 + o)));
      sum = f32x4.add(sum, f32x4.add(f32x4.mul(w2, v128.load(y2 + o)), f32x4.mul(w3, v128.load(y3 + o))));
      v128.store(out + o, f32x4.add(v128.load(out + o), sum));
    }
  }
  for (; e < end; e++) {
    const yi = y + <usize>load<i32>(indices + (<usize>e << 2)) * bytes;
    const c = alpha * load<f32>(data + (<usize>e << 2));
    axpy(base * (1 + c) + sign * c * dot(yi, v, k), yi, out, k);
  }
}

export function gram(y: usize, k: i32, from: i32, to: i32, out: usize): void {
  memory.fill(out, 0, <usize>(k * k) << 2);
  for (let r = from; r < to; r++) {
    const row = y + <usize>(r * k) * 4;
    for (let a: i32 = 0; a < k; a++) {
      const va = load<f32>(row + (<usize>a << 2));
      if (va != 0) axpy(va, row, out + <usize>(a * k) * 4, k);
    }
  }
}

export function solve(
  indptr: usize,
  indices: usize,
  data: usize,
  x: usize,
  y: usize,
  g: usize,
  k: i32,
  alpha: f32,
  rowLambda: f32,
  steps: i32,
  from: i32,
  to: i32,
  scratch: usize,
): void {
  const bytes = <usize>k << 2;
  const r = scratch;
  const p = r + bytes;
  const ap = p + bytes;
  for (let u = from; u < to; u++) {
    const xu = x + <usize>u * bytes;
    const start = load<i32>(indptr + (<usize>u << 2));
    const end = load<i32>(indptr + (<usize>u << 2), 4);
    const own = rowLambda * <f32>(end - start);
    gemv(g, xu, r, k, -1);
    if (own != 0) axpy(-own, xu, r, k);
    accumulate(indices, data, start, end, y, xu, r, k, alpha, 1, -1);
    memory.copy(p, r, bytes);
    let rs = dot(r, r, k);
    for (let step = 0; step < steps && rs > 1e-20; step++) {
      gemv(g, p, ap, k, 1);
      if (own != 0) axpy(own, p, ap, k);
      accumulate(indices, data, start, end, y, p, ap, k, alpha, 0, 1);
      const size = rs / dot(p, ap, k);
      axpy(size, p, xu, k);
      axpy(-size, ap, r, k);
      const next = dot(r, r, k);
      const beta = f32x4.splat(next / rs);
      for (let j: i32 = 0; j < k; j += 4) {
        const o = <usize>(j << 2);
        v128.store(p + o, f32x4.add(v128.load(r + o), f32x4.mul(beta, v128.load(p + o))));
      }
      rs = next;
    }
  }
}

export function loss(
  indptr: usize,
  indices: usize,
  data: usize,
  x: usize,
  y: usize,
  g: usize,
  k: i32,
  alpha: f32,
  from: i32,
  to: i32,
  scratch: usize,
): f64 {
  const bytes = <usize>k << 2;
  const r = scratch;
  let total: f64 = 0;
  for (let u = from; u < to; u++) {
    const xu = x + <usize>u * bytes;
    gemv(g, xu, r, k, 1);
    const end = load<i32>(indptr + (<usize>u << 2), 4);
    for (let e = load<i32>(indptr + (<usize>u << 2)); e < end; e++) {
      const yi = y + <usize>load<i32>(indices + (<usize>e << 2)) * bytes;
      const c1 = alpha * load<f32>(data + (<usize>e << 2));
      axpy(c1 * dot(yi, xu, k) - 2 * (1 + c1), yi, r, k);
      total += 1 + c1;
    }
    total += dot(r, xu, k);
  }
  return total;
}

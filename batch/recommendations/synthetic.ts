// Synthetic interactions for tests and benches (never the shop's path): shoppers with a hidden taste
// for one cluster of items, item popularity Zipf-skewed, so what ALS should learn is known.
import type { Interactions } from './interactions.ts';
import { seededRandom } from './random.ts';

export interface SyntheticOptions {
  users: number;
  items: number;
  /** Interactions in all (distinct shopper-item pairs). */
  interactions: number;
  /** Items are dealt round-robin into this many clusters; each shopper prefers one. */
  clusters: number;
  /** The chance that an interaction is drawn from the shopper's cluster rather than the whole catalog. */
  taste: number;
  /** Zipf exponent of item popularity (1 ≈ retail and MovieLens). */
  zipf: number;
  seed: number;
}

export interface SyntheticInteractions extends Interactions {
  userCluster: Int32Array;
  itemCluster: Int32Array;
}

export function synthetic(o: SyntheticOptions): SyntheticInteractions {
  const random = seededRandom(o.seed, 0);
  const userCluster = Int32Array.from({ length: o.users }, () => Math.floor(random() * o.clusters));
  const itemCluster = Int32Array.from({ length: o.items }, (_, i) => i % o.clusters);
  // Item i's popularity rank is i, so each cluster holds head and tail items alike.
  const global = zipfTable(o.items, o.zipf, (i) => i);
  const perCluster = Array.from({ length: o.clusters }, (_, c) => {
    const size = Math.ceil((o.items - c) / o.clusters);
    return zipfTable(size, o.zipf, (j) => c + j * o.clusters);
  });
  // Shoppers' activity is skewed too (a few shoppers do much): weights drawn 1/u^0.5, scaled to the total.
  const activity = Float64Array.from({ length: o.users }, (_, u) => 1 / Math.sqrt(1 + ((u * 7919) % o.users)));
  const scale = o.interactions / activity.reduce((a, b) => a + b, 0);
  const user = new Int32Array(o.interactions);
  const item = new Int32Array(o.interactions);
  const weight = new Float32Array(o.interactions);
  const time = new Float64Array(o.interactions);
  let n = 0;
  for (let u = 0; u < o.users && n < o.interactions; u++) {
    const want = Math.min(o.items >> 1, Math.max(1, Math.round(activity[u]! * scale)), o.interactions - n);
    const seen = new Set<number>();
    const draw = seededRandom(o.seed, 1, u);
    for (let tries = 0; seen.size < want && tries < want * 20; tries++) {
      const table = draw() < o.taste ? perCluster[userCluster[u]!]! : global;
      const i = table.sample(draw());
      if (seen.has(i)) continue;
      seen.add(i);
      user[n] = u;
      item[n] = i;
      weight[n] = 1 + Math.floor(draw() * 3);
      // Times spread over a day at random, so a time split is a random hold-out of each shopper's items.
      time[n] = Math.floor(draw() * 86_400_000);
      n++;
    }
  }
  return {
    users: o.users,
    items: o.items,
    user: user.subarray(0, n),
    item: item.subarray(0, n),
    weight: weight.subarray(0, n),
    time: time.subarray(0, n),
    userCluster,
    itemCluster,
  };
}

/** Inverse-CDF sampling of ranks 0..n-1 with P(rank) ∝ 1/(rank+1)^s, mapped to item ids. */
function zipfTable(n: number, s: number, idOf: (rank: number) => number) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cdf[r] = sum += 1 / (r + 1) ** s;
  for (let r = 0; r < n; r++) cdf[r]! /= sum;
  return {
    sample(u: number): number {
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      return idOf(lo);
    },
  };
}

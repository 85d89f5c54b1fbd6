// Interactions as the recommendation library takes them: one entry per signal, in parallel typed arrays.
import { csrFromTriples, type Allocator, type Csr } from './csr.ts';

export interface Interactions {
  /** Shopper and item indices are 0..users − 1 and 0..items − 1. */
  users: number;
  items: number;
  user: Int32Array;
  item: Int32Array;
  weight: Float32Array;
  /** When the signal happened, milliseconds since the epoch. */
  time: Float64Array;
}

/** The entries for which `keep(e)` holds. */
export function selectInteractions(x: Interactions, keep: (e: number) => boolean): Interactions {
  const chosen: number[] = [];
  for (let e = 0; e < x.user.length; e++) if (keep(e)) chosen.push(e);
  const pick = <T extends Int32Array | Float32Array | Float64Array>(from: T, to: T) => {
    chosen.forEach((e, j) => (to[j] = from[e]!));
    return to;
  };
  const n = chosen.length;
  return {
    users: x.users,
    items: x.items,
    user: pick(x.user, new Int32Array(n)),
    item: pick(x.item, new Int32Array(n)),
    weight: pick(x.weight, new Float32Array(n)),
    time: pick(x.time, new Float64Array(n)),
  };
}

/**
 * Shoppers × items, a pair's weight the sum of its signals' weights, each halved for every `halfLifeMs`
 * it lies before `now` (Infinity: no decay).
 */
export function interactionMatrix(x: Interactions, now: number, halfLifeMs = Infinity, alloc?: Allocator): Csr {
  const weight =
    halfLifeMs === Infinity ? x.weight : x.weight.map((w, e) => w * 2 ** (-Math.max(0, now - x.time[e]!) / halfLifeMs));
  return csrFromTriples(x.users, x.items, x.user, x.item, weight, alloc);
}

// Seeded randomness addressed by (seed, stream, index): record N is made without making records 0..N-1.

/** A 32-bit hash of the numbers (murmur3's finaliser over a running mix), stable across runs and machines. */
function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(values: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32 seeded from (seed, stream, index): fast, small, and good enough for demo data. */
export function randomFor(seed: number, stream: number, index: number): Random {
  let state = mix(seed, stream, index, index / 2 ** 32);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!,
    chance: (probability) => next() < probability,
  };
}

/** Streams keep the draws for different kinds of record independent of each other. */
export const STREAMS = { items: 1, stock: 2, users: 3, places: 4, routes: 5 } as const;

// The time-based hold-out: train on what happened before a cut-off, judge on what the same shoppers did after.
import { nonZeros, rowColumns, type Csr } from './csr.ts';
import { interactionMatrix, selectInteractions, type Interactions } from './interactions.ts';

export interface Split {
  /** Signals before the cut-off. */
  train: Interactions;
  /** Shopper → items first interacted with at or after the cut-off (not seen in training). */
  test: Map<number, Set<number>>;
  cutoff: number;
}

/**
 * The cut-off is the time before which (1 − testShare) of the signals lie. Held-out items a shopper
 * already had in training are dropped (they are never recommended again), and so are shoppers with no
 * training signal (a model knows nothing of them; new shoppers get popular items).
 */
export function timeSplit(x: Interactions, testShare = 0.2): Split {
  const times = Float64Array.from(x.time).sort();
  const cutoff = times[Math.min(times.length - 1, Math.floor(times.length * (1 - testShare)))] ?? 0;
  const train = selectInteractions(x, (e) => x.time[e]! < cutoff);
  const seen = interactionMatrix(train, cutoff);
  const test = new Map<number, Set<number>>();
  for (let e = 0; e < x.user.length; e++) {
    if (x.time[e]! < cutoff) continue;
    const u = x.user[e]!;
    if (!hasRow(seen, u) || contains(rowColumns(seen, u), x.item[e]!)) continue;
    let items = test.get(u);
    if (!items) test.set(u, (items = new Set()));
    items.add(x.item[e]!);
  }
  return { train, test, cutoff };
}

const hasRow = (m: Csr, r: number) => nonZeros(m) > 0 && m.indptr[r + 1]! > m.indptr[r]!;

/** Binary search in a row's sorted columns. */
function contains(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! === value) return true;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

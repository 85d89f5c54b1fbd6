// Exact top-N: the N largest positive counts, ties broken by key, so every run and every merge agrees.

export interface Ranked {
  key: string;
  count: number;
}

/** The order of every ranked list: larger count first, then the smaller key. */
export function ranksBefore(a: Ranked, b: Ranked): boolean {
  return a.count > b.count || (a.count === b.count && a.key < b.key);
}

/**
 * Keeps the best `limit` entries offered to it, in rank order. An offer that cannot enter costs one
 * comparison with the last kept entry, so a pass over many keys for a short list is about linear.
 * No approximation: every key is offered with its exact count.
 */
export class TopN {
  private readonly kept: Ranked[] = [];

  constructor(private readonly limit: number) {}

  /** Counts of zero or below never rank (an item wishlisted and removed again). */
  offer(key: string, count: number): void {
    if (count <= 0 || this.limit <= 0) return;
    const entry = { key, count };
    const kept = this.kept;
    if (kept.length === this.limit && !ranksBefore(entry, kept[kept.length - 1]!)) return;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ranksBefore(kept[mid]!, entry)) low = mid + 1;
      else high = mid;
    }
    kept.splice(low, 0, entry);
    if (kept.length > this.limit) kept.pop();
  }

  list(): Ranked[] {
    return this.kept.slice();
  }
}

/** The top `limit` of counts by key. */
export function topOf(counts: Iterable<readonly [string, number]>, limit: number): Ranked[] {
  const top = new TopN(limit);
  for (const [key, count] of counts) top.offer(key, count);
  return top.list();
}

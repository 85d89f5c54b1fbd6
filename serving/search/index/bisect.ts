// Bisection over a range whose positions answer a test true, then false (a sorted list asked "is this
// below the target?"): the index's posting lists, its vocabulary and a page of hits all find places so.

/** The first position in [from, to) where `before` is false, or `to` when it holds throughout. */
export function firstNotBefore(from: number, to: number, before: (position: number) => boolean): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (before(mid)) from = mid + 1;
    else to = mid;
  }
  return from;
}

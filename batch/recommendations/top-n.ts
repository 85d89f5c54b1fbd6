// The n best of many scores without sorting them all: a small binary heap of the best seen so far.

export interface Scored {
  item: number;
  score: number;
}

/**
 * The n items with the highest scores, best first, among those `accept` lets through; ties go to the
 * lower item index, so the order is the same on every run.
 */
export function topN(scores: Float32Array, n: number, accept: (item: number) => boolean = () => true): Scored[] {
  const heapItems = new Int32Array(n);
  const heapScores = new Float64Array(n);
  let size = 0;
  // worse(a, b): a ranks below b.
  const worse = (sa: number, ia: number, sb: number, ib: number) => sa < sb || (sa === sb && ia > ib);
  const siftDown = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let low = at;
      if (l < size && worse(heapScores[l]!, heapItems[l]!, heapScores[low]!, heapItems[low]!)) low = l;
      if (r < size && worse(heapScores[r]!, heapItems[r]!, heapScores[low]!, heapItems[low]!)) low = r;
      if (low === at) return;
      swap(at, low);
      at = low;
    }
  };
  const swap = (a: number, b: number) => {
    const i = heapItems[a]!;
    heapItems[a] = heapItems[b]!;
    heapItems[b] = i;
    const s = heapScores[a]!;
    heapScores[a] = heapScores[b]!;
    heapScores[b] = s;
  };
  if (n <= 0) return [];
  for (let item = 0; item < scores.length; item++) {
    const score = scores[item]!;
    if (size === n && !worse(heapScores[0]!, heapItems[0]!, score, item)) continue;
    if (!accept(item)) continue;
    if (size < n) {
      let at = size++;
      heapItems[at] = item;
      heapScores[at] = score;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(heapScores[at]!, heapItems[at]!, heapScores[parent]!, heapItems[parent]!)) break;
        swap(at, parent);
        at = parent;
      }
    } else {
      heapItems[0] = item;
      heapScores[0] = score;
      siftDown(0);
    }
  }
  const out: Scored[] = [];
  for (let i = 0; i < size; i++) out.push({ item: heapItems[i]!, score: heapScores[i]! });
  return out.sort((a, b) => b.score - a.score || a.item - b.item);
}

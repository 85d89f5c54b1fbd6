// Ranking metrics at every cut-off k = 1..K, averaged over the shoppers who have something held out.

export interface Judged {
  /** The items recommended, best first (at least K of them where there were that many). */
  ranked: readonly number[];
  /** The held-out items the shopper did interact with. */
  relevant: ReadonlySet<number>;
}

/** Each array holds the metric at k = 1..K (index k − 1). */
export interface MetricsByK {
  precision: number[];
  recall: number[];
  ndcg: number[];
  map: number[];
  /** Distinct items recommended anywhere in the top k, over the catalog's size. */
  coverage: number[];
  /** Shoppers averaged over. */
  shoppers: number;
}

/**
 * precision@k = hits/k; recall@k = hits/|relevant|; nDCG@k with binary gains, DCG = Σ 1/log2(rank + 1)
 * over hits and the ideal DCG from min(k, |relevant|) hits; MAP@k = Σ precision@rank over hits in the top
 * k, divided by min(k, |relevant|). Shoppers with nothing relevant are left out.
 */
export function metricsByK(judged: readonly Judged[], K: number, catalogSize: number): MetricsByK {
  const sums = {
    precision: new Float64Array(K),
    recall: new Float64Array(K),
    ndcg: new Float64Array(K),
    map: new Float64Array(K),
  };
  const firstShown = new Map<number, number>();
  let shoppers = 0;
  for (const { ranked, relevant } of judged) {
    if (relevant.size === 0) continue;
    shoppers++;
    let hits = 0;
    let dcg = 0;
    let ideal = 0;
    let ap = 0;
    for (let k = 1; k <= K; k++) {
      const item = ranked[k - 1];
      if (item !== undefined) {
        const earliest = firstShown.get(item);
        if (earliest === undefined || earliest > k) firstShown.set(item, k);
        if (relevant.has(item)) {
          hits++;
          dcg += 1 / Math.log2(k + 1);
          ap += hits / k;
        }
      }
      if (k <= relevant.size) ideal += 1 / Math.log2(k + 1);
      sums.precision[k - 1]! += hits / k;
      sums.recall[k - 1]! += hits / relevant.size;
      sums.ndcg[k - 1]! += dcg / ideal;
      sums.map[k - 1]! += ap / Math.min(k, relevant.size);
    }
  }
  const mean = (a: Float64Array) => Array.from(a, (v) => (shoppers ? v / shoppers : 0));
  const shownBy = new Array<number>(K).fill(0);
  for (const k of firstShown.values()) shownBy[k - 1]!++;
  let running = 0;
  const coverage = shownBy.map((count) => (running += count) / Math.max(1, catalogSize));
  return {
    precision: mean(sums.precision),
    recall: mean(sums.recall),
    ndcg: mean(sums.ndcg),
    map: mean(sums.map),
    coverage,
    shoppers,
  };
}

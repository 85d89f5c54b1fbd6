import { describe, expect, it } from 'vitest';
import { metricsByK } from './metrics.ts';

describe('ranking metrics', () => {
  // Shopper A: ranked [1, 2, 3, 4], relevant {1, 3, 9}; shopper B: ranked [5, 6, 7, 8], relevant {8}.
  const judged = [
    { ranked: [1, 2, 3, 4], relevant: new Set([1, 3, 9]) },
    { ranked: [5, 6, 7, 8], relevant: new Set([8]) },
    { ranked: [1, 5], relevant: new Set<number>() },
  ];
  const m = metricsByK(judged, 4, 10);

  it('averages over shoppers with something held out', () => expect(m.shoppers).toBe(2));

  it('precision@k and recall@k count hits in the top k', () => {
    // A: hits 1,1,2,2; B: hits 0,0,0,1.
    const close = (actual: number[], expected: number[]) =>
      expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 12));
    close(m.precision, [1 / 2, 1 / 4, 2 / 3 / 2, (2 / 4 + 1 / 4) / 2]);
    close(m.recall, [1 / 6, 1 / 6, 1 / 3, (2 / 3 + 1) / 2]);
  });

  it('nDCG@k divides by the ideal ranking of min(k, |relevant|) hits', () => {
    const l = (r: number) => 1 / Math.log2(r + 1);
    const a3 = (l(1) + l(3)) / (l(1) + l(2) + l(3));
    const b4 = l(4) / l(1);
    expect(m.ndcg[0]).toBeCloseTo(1 / 2, 12);
    expect(m.ndcg[1]).toBeCloseTo(l(1) / (l(1) + l(2)) / 2, 12);
    expect(m.ndcg[2]).toBeCloseTo(a3 / 2, 12);
    expect(m.ndcg[3]).toBeCloseTo((a3 + b4) / 2, 12);
  });

  it('MAP@k averages precision at each hit over min(k, |relevant|)', () => {
    // A at 4: (1/1 + 2/3) / 3; B at 4: (1/4) / 1.
    expect(m.map[0]).toBeCloseTo(1 / 2, 12);
    expect(m.map[2]).toBeCloseTo((1 + 2 / 3) / 3 / 2, 12);
    expect(m.map[3]).toBeCloseTo(((1 + 2 / 3) / 3 + 1 / 4) / 2, 12);
  });

  it('coverage counts distinct items shown in anyone’s top k over the catalog', () => {
    // Top 1: {1, 5}; top 2: {1, 2, 5, 6}; top 3 adds 3 and 7; top 4 adds 4 and 8.
    expect(m.coverage).toEqual([0.2, 0.4, 0.6, 0.8]);
  });
});

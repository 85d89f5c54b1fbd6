import { describe, expect, it } from 'vitest';
import { csrFromTriples } from './csr.ts';
import { alsRanker, popularityRanker, shopperLists, similarItems, type Factors } from './recommend.ts';

// Two factors: items 0-2 lean on the first, items 3-5 on the second; shopper 0 likes the first, shopper 1 the second.
const model: Factors = {
  factors: 2,
  userFactors: Float32Array.of(1, 0.1, 0.1, 1),
  itemFactors: Float32Array.of(0.9, 0, 0.8, 0.1, 0.7, 0.2, 0, 0.9, 0.1, 0.8, 0.2, 0.7),
};
// Shopper 0 had items 0 and 3; shopper 1 had item 5.
const seen = csrFromTriples(2, 6, Int32Array.of(0, 0, 1), Int32Array.of(0, 3, 5), Float32Array.of(1, 1, 1));
const itemCategory = Int32Array.of(0, 0, 1, 1, 1, -1);

describe('scoring a model', () => {
  it('ranks by x·y and never recommends what the shopper already had', () => {
    expect(alsRanker(model, seen)(0, 3).map((s) => s.item)).toEqual([1, 2, 5]);
    expect(alsRanker(model, seen)(1, 2, (i) => i !== 3).map((s) => s.item)).toEqual([4, 2]);
  });

  it('gives general and per-category lists from one scoring, categories with nothing left absent', () => {
    const lists = [...shopperLists(model, seen, itemCategory, { n: 2, perCategory: 5 })];
    expect(lists[0]!.general.map((s) => s.item)).toEqual([1, 2]);
    expect([...lists[0]!.byCategory].map(([c, l]) => [c, l.map((s) => s.item)])).toEqual([
      [0, [1]],
      [1, [2, 4]],
    ]);
    expect([...lists[1]!.byCategory].map(([c, l]) => [c, l.map((s) => s.item)])).toEqual([
      [0, [1, 0]],
      [1, [3, 4, 2]],
    ]);
  });

  it('finds similar items by the cosine of their factors, never the item itself', () => {
    expect(similarItems(model, 2)(0).map((s) => s.item)).toEqual([1, 2]);
    expect(similarItems(model, 2)(3, (i) => i !== 4).map((s) => s.item)).toEqual([5, 2]);
  });

  it('the popularity baseline ranks by how many shoppers had an item', () => {
    const many = csrFromTriples(
      3,
      4,
      Int32Array.of(0, 1, 1, 2),
      Int32Array.of(2, 2, 1, 1),
      Float32Array.of(1, 1, 1, 5),
    );
    expect(popularityRanker(many)(0, 3).map((s) => s.item)).toEqual([1, 0, 3]);
  });
});

import fc from 'fast-check';
import { expect, it } from 'vitest';
import { topN } from './top-n.ts';

it('equals sorting every accepted score and taking the first n (ties by lower item)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 200 }),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 1, max: 4 }),
      (values, n, modulus) => {
        const scores = Float32Array.from(values);
        const accept = (i: number) => i % modulus !== 1;
        const expected = values
          .map((score, item) => ({ item, score }))
          .filter((s) => accept(s.item))
          .sort((a, b) => b.score - a.score || a.item - b.item)
          .slice(0, n);
        expect(topN(scores, n, accept)).toEqual(expected);
      },
    ),
  );
});

import { expect, it } from 'vitest';
import { timeSplit } from './split.ts';

it('holds out the last fifth of signals by time, only for known shoppers and items they had not seen', () => {
  // (user, item, time): shopper 0 saw item 1 before and after the cut-off; shopper 2 only after it.
  const rows = [
    [0, 1, 1],
    [0, 2, 2],
    [1, 0, 3],
    [1, 1, 4],
    [0, 3, 5],
    [1, 2, 6],
    [0, 0, 7],
    [2, 3, 8],
    [0, 1, 9],
    [1, 3, 10],
  ];
  const split = timeSplit(
    {
      users: 3,
      items: 4,
      user: Int32Array.from(rows, (r) => r[0]!),
      item: Int32Array.from(rows, (r) => r[1]!),
      weight: new Float32Array(rows.length).fill(1),
      time: Float64Array.from(rows, (r) => r[2]!),
    },
    0.3,
  );
  expect(split.cutoff).toBe(8);
  expect(split.train.user.length).toBe(7);
  expect(split.test).toEqual(new Map([[1, new Set([3])]]));
});

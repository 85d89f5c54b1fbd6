import fc from 'fast-check';
import { expect, it } from 'vitest';
import { csrFromTriples, transpose, type Csr } from './csr.ts';

const dense = (m: Csr) => {
  const out = Array.from({ length: m.rows }, () => new Array<number>(m.cols).fill(0));
  for (let r = 0; r < m.rows; r++)
    for (let e = m.indptr[r]!; e < m.indptr[r + 1]!; e++) {
      if (e > m.indptr[r]!) expect(m.indices[e]!).toBeGreaterThan(m.indices[e - 1]!);
      out[r]![m.indices[e]!] = m.data[e]!;
    }
  return out;
};

const triples = fc
  .record({ rows: fc.integer({ min: 1, max: 8 }), cols: fc.integer({ min: 1, max: 8 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      entries: fc.array(fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), fc.integer({ min: 1, max: 9 })), {
        maxLength: 40,
      }),
    }),
  );

it('sums repeated pairs into one entry per (row, col), columns ascending, and transposes', () => {
  fc.assert(
    fc.property(triples, ({ rows, cols, entries }) => {
      const expected = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
      for (const [r, c, v] of entries) expected[r]![c]! += v;
      const m = csrFromTriples(
        rows,
        cols,
        Int32Array.from(entries, (e) => e[0]),
        Int32Array.from(entries, (e) => e[1]),
        Float32Array.from(entries, (e) => e[2]),
      );
      expect(dense(m)).toEqual(expected);
      expect(m.indptr[rows]).toBe(expected.flat().filter((v) => v > 0).length);
      expect(dense(transpose(m))).toEqual(expected[0]!.map((_, c) => expected.map((row) => row[c])));
    }),
  );
});

it('refuses an entry outside the matrix', () => {
  expect(() => csrFromTriples(2, 2, Int32Array.of(2), Int32Array.of(0), Float32Array.of(1))).toThrow(/outside 2×2/);
});

// Compressed sparse rows of interactions (row = shopper or item): three flat typed arrays, no object per entry.

/** Row r's columns are indices[indptr[r] .. indptr[r + 1]) (ascending), with their weights in data. */
export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float32Array;
}

/** Where the arrays of a matrix are made: plain memory, or a shared arena the worker threads also see. */
export interface Allocator {
  int32(length: number): Int32Array;
  float32(length: number): Float32Array;
}

export const heapAllocator: Allocator = {
  int32: (length) => new Int32Array(length),
  float32: (length) => new Float32Array(length),
};

/**
 * Builds the matrix from (row, col, value) triples in any order; repeated (row, col) pairs are summed,
 * as a shopper's several signals for one item add up to one interaction.
 */
export function csrFromTriples(
  rows: number,
  cols: number,
  rowOf: Int32Array,
  colOf: Int32Array,
  value: Float32Array,
  alloc: Allocator = heapAllocator,
): Csr {
  const n = rowOf.length;
  const counts = new Int32Array(rows + 1);
  for (let e = 0; e < n; e++) {
    const r = rowOf[e]!;
    const c = colOf[e]!;
    if (r < 0 || r >= rows || c < 0 || c >= cols)
      throw new RangeError(`entry ${e} (${r}, ${c}) is outside ${rows}×${cols}`);
    counts[r + 1]!++;
  }
  for (let r = 0; r < rows; r++) counts[r + 1]! += counts[r]!;
  // Two stable counting sorts (by column, then by row) leave each row's entries in column order.
  const byCol = new Int32Array(n);
  const colStart = new Int32Array(cols + 1);
  for (let e = 0; e < n; e++) colStart[colOf[e]! + 1]!++;
  for (let c = 0; c < cols; c++) colStart[c + 1]! += colStart[c]!;
  for (let e = 0; e < n; e++) byCol[colStart[colOf[e]!]!++] = e;
  const order = new Int32Array(n);
  const cursor = counts.slice(0, rows);
  for (const e of byCol) order[cursor[rowOf[e]!]!++] = e;
  // Repeated (row, col) pairs are now adjacent: merge them.
  const keep = new Int32Array(rows + 1);
  const colsTmp = byCol;
  const valsTmp = new Float32Array(n);
  let out = 0;
  for (let r = 0; r < rows; r++) {
    let last = -1;
    for (let at = counts[r]!; at < counts[r + 1]!; at++) {
      const e = order[at]!;
      const c = colOf[e]!;
      if (c === last) valsTmp[out - 1]! += value[e]!;
      else {
        colsTmp[out] = c;
        valsTmp[out] = value[e]!;
        out++;
        last = c;
      }
    }
    keep[r + 1] = out;
  }
  const indptr = alloc.int32(rows + 1);
  indptr.set(keep);
  const indices = alloc.int32(out);
  indices.set(colsTmp.subarray(0, out));
  const data = alloc.float32(out);
  data.set(valsTmp.subarray(0, out));
  return { rows, cols, indptr, indices, data };
}

/** The same matrix with rows and columns swapped (items × shoppers from shoppers × items). */
export function transpose(m: Csr, alloc: Allocator = heapAllocator): Csr {
  const nnz = m.indptr[m.rows]!;
  const indptr = alloc.int32(m.cols + 1);
  for (let e = 0; e < nnz; e++) indptr[m.indices[e]! + 1]!++;
  for (let c = 0; c < m.cols; c++) indptr[c + 1]! += indptr[c]!;
  const cursor = indptr.slice(0, m.cols);
  const indices = alloc.int32(nnz);
  const data = alloc.float32(nnz);
  // Rows are visited in order, so each transposed row comes out sorted.
  for (let r = 0; r < m.rows; r++) {
    for (let e = m.indptr[r]!; e < m.indptr[r + 1]!; e++) {
      const at = cursor[m.indices[e]!]!++;
      indices[at] = r;
      data[at] = m.data[e]!;
    }
  }
  return { rows: m.cols, cols: m.rows, indptr, indices, data };
}

export const nonZeros = (m: Csr) => m.indptr[m.rows]!;

/** Row r's columns, ascending (what a shopper has already seen). */
export function rowColumns(m: Csr, r: number): Int32Array {
  return m.indices.subarray(m.indptr[r], m.indptr[r + 1]);
}

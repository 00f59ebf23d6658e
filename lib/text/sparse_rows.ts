/**
 * A compressed sparse row (CSR) matrix of document vectors, and small helpers over it.
 *
 * @module
 */

/** Document vectors in CSR form: row `r` holds `indices[indptr[r] .. indptr[r+1])` (sorted). */
export interface SparseRows {
  /** Number of rows (documents). */
  readonly nRows: number;
  /** Number of columns (vocabulary size). */
  readonly nCols: number;
  /** Row pointers, length `nRows + 1`. */
  readonly indptr: Int32Array;
  /** Column index of each stored value, ascending within a row. */
  readonly indices: Int32Array;
  /** Stored values. */
  readonly values: Float64Array;
}

/**
 * Dot product of row `a` of `x` with row `b` of `y` (both sorted), by merging the two rows.
 *
 * @param x Left matrix.
 * @param y Right matrix (same number of columns).
 * @param a Row of `x`.
 * @param b Row of `y`.
 * @returns The dot product (0 when either row is empty).
 * @example
 * ```ts
 * import { rowDot } from "@shoplab/lib/text/sparse_rows.ts";
 * import assert from "node:assert/strict";
 * const m = {
 *   nRows: 2, nCols: 3, indptr: new Int32Array([0, 2, 4]),
 *   indices: new Int32Array([0, 2, 1, 2]), values: new Float64Array([1, 2, 5, 3]),
 * };
 * assert.equal(rowDot(m, m, 0, 1), 6);
 * ```
 */
export function rowDot(x: SparseRows, y: SparseRows, a: number, b: number): number {
  let i = x.indptr[a], j = y.indptr[b];
  const ie = x.indptr[a + 1], je = y.indptr[b + 1];
  let s = 0;
  while (i < ie && j < je) {
    const ci = x.indices[i], cj = y.indices[j];
    if (ci === cj) s += x.values[i++] * y.values[j++];
    else if (ci < cj) i++;
    else j++;
  }
  return s;
}

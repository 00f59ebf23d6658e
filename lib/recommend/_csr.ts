/** Private CSR construction: counting sort of (row, col, value) triplets, duplicates summed. */
import type { CsrMatrix } from "./types.ts";

/** Result of {@linkcode buildCsr}: the matrix and, when given, per-entry max timestamps. */
export interface BuiltCsr {
  matrix: CsrMatrix;
  timestamps?: Float64Array;
}

/**
 * Builds a CSR matrix from triplets in any order. Duplicate (row, col) pairs are summed (values)
 * and max-ed (timestamps). Two stable counting-sort passes (by column, then by row): O(nnz + n).
 *
 * @example
 * ```ts
 * import { buildCsr } from "@shoplab/lib/recommend/_csr.ts";
 * import assert from "node:assert/strict";
 * // (1, 2) appears twice: values summed, timestamps max-ed
 * const { matrix, timestamps } = buildCsr([1, 0, 1], [2, 0, 2], [1, 5, 2], 2, 3, [10, 20, 30]);
 * assert.deepEqual([...matrix.indptr], [0, 1, 2]);
 * assert.deepEqual([...matrix.indices], [0, 2]);
 * assert.deepEqual([...matrix.values], [5, 3]);
 * assert.deepEqual([...timestamps!], [20, 30]);
 * ```
 */
export function buildCsr(
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  values: ArrayLike<number>,
  nRows: number,
  nCols: number,
  timestamps?: ArrayLike<number>,
): BuiltCsr {
  const n = rows.length;
  if (cols.length !== n || values.length !== n || (timestamps && timestamps.length !== n)) {
    throw new RangeError("rows, cols, values (and timestamps) must have the same length");
  }
  for (let e = 0; e < n; e++) {
    const r = rows[e], c = cols[e];
    if (
      !(r >= 0 && r < nRows && c >= 0 && c < nCols) || r !== Math.floor(r) || c !== Math.floor(c)
    ) {
      throw new RangeError(`entry ${e}: (${r}, ${c}) is outside ${nRows} × ${nCols}`);
    }
  }
  // pass 1: by column
  const colPtr = new Int32Array(nCols + 1);
  for (let e = 0; e < n; e++) colPtr[cols[e] + 1]++;
  for (let c = 0; c < nCols; c++) colPtr[c + 1] += colPtr[c];
  const byCol = new Int32Array(n);
  const fill = colPtr.slice(0, nCols);
  for (let e = 0; e < n; e++) byCol[fill[cols[e]]++] = e;
  // pass 2: stable by row
  const rowPtr = new Int32Array(nRows + 1);
  for (let e = 0; e < n; e++) rowPtr[rows[e] + 1]++;
  for (let r = 0; r < nRows; r++) rowPtr[r + 1] += rowPtr[r];
  const order = new Int32Array(n);
  const rfill = rowPtr.slice(0, nRows);
  for (let q = 0; q < n; q++) {
    const e = byCol[q];
    order[rfill[rows[e]]++] = e;
  }
  // merge duplicates
  const indptr = new Int32Array(nRows + 1);
  const indices = new Int32Array(n);
  const vals = new Float32Array(n);
  const ts = timestamps ? new Float64Array(n) : undefined;
  let out = 0;
  for (let r = 0; r < nRows; r++) {
    const start = out;
    for (let q = rowPtr[r]; q < rowPtr[r + 1]; q++) {
      const e = order[q];
      const c = cols[e];
      if (out > start && indices[out - 1] === c) {
        vals[out - 1] += values[e];
        if (ts) ts[out - 1] = Math.max(ts[out - 1], timestamps![e]);
      } else {
        indices[out] = c;
        vals[out] = values[e];
        if (ts) ts[out] = timestamps![e];
        out++;
      }
    }
    indptr[r + 1] = out;
  }
  return {
    matrix: {
      nRows,
      nCols,
      indptr,
      indices: out === n ? indices : indices.slice(0, out),
      values: out === n ? vals : vals.slice(0, out),
    },
    timestamps: ts && (out === n ? ts : ts.slice(0, out)),
  };
}

/**
 * Transpose of a CSR matrix (i.e. its CSC form), rows sorted within each new row.
 *
 * @example
 * ```ts
 * import { buildCsr, transposeCsr } from "@shoplab/lib/recommend/_csr.ts";
 * import assert from "node:assert/strict";
 * const { matrix } = buildCsr([0, 0, 1], [1, 2, 1], [1, 2, 3], 2, 3);
 * const t = transposeCsr(matrix);
 * assert.equal(t.nRows, 3);
 * assert.deepEqual([...t.indptr], [0, 0, 2, 3]);
 * assert.deepEqual([...t.indices], [0, 1, 0]);
 * assert.deepEqual([...t.values], [1, 3, 2]);
 * ```
 */
export function transposeCsr(m: CsrMatrix): CsrMatrix {
  const { nRows, nCols, indptr, indices, values } = m;
  const nnz = indices.length;
  const tptr = new Int32Array(nCols + 1);
  for (let q = 0; q < nnz; q++) tptr[indices[q] + 1]++;
  for (let c = 0; c < nCols; c++) tptr[c + 1] += tptr[c];
  const fill = tptr.slice(0, nCols);
  const tind = new Int32Array(nnz);
  const tval = new Float32Array(nnz);
  for (let r = 0; r < nRows; r++) {
    for (let q = indptr[r]; q < indptr[r + 1]; q++) {
      const dst = fill[indices[q]]++;
      tind[dst] = r;
      tval[dst] = values[q];
    }
  }
  return { nRows: nCols, nCols: nRows, indptr: tptr, indices: tind, values: tval };
}

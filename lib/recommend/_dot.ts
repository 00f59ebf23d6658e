/** Private: dot product / cosine of two rows of a CSR matrix by merging. */
import type { CsrMatrix } from "./types.ts";

/**
 * Dot product (or cosine) of rows `a` and `b` of a CSR matrix, merging their sorted indices.
 *
 * @param m The matrix.
 * @param a First row index.
 * @param b Second row index.
 * @param cosine Divide by the rows' norms (0 when a row is all zero).
 * @returns The dot product or cosine.
 * @example
 * ```ts
 * import { rowDotCsr } from "@shoplab/lib/recommend/_dot.ts";
 * import assert from "node:assert/strict";
 * const m = { nRows: 2, nCols: 3, indptr: Int32Array.of(0, 2, 4),
 *   indices: Int32Array.of(0, 1, 1, 2), values: Float32Array.of(1, 2, 3, 4) };
 * assert.equal(rowDotCsr(m, 0, 1, false), 6);
 * assert.ok(Math.abs(rowDotCsr(m, 0, 1, true) - 6 / (Math.sqrt(5) * 5)) < 1e-12);
 * ```
 */
export function rowDotCsr(m: CsrMatrix, a: number, b: number, cosine: boolean): number {
  let i = m.indptr[a], j = m.indptr[b];
  const ie = m.indptr[a + 1], je = m.indptr[b + 1];
  let dot = 0, na = 0, nb = 0;
  if (cosine) {
    for (let q = i; q < ie; q++) na += m.values[q] * m.values[q];
    for (let q = j; q < je; q++) nb += m.values[q] * m.values[q];
  }
  while (i < ie && j < je) {
    const x = m.indices[i], y = m.indices[j];
    if (x === y) dot += m.values[i++] * m.values[j++];
    else if (x < y) i++;
    else j++;
  }
  if (!cosine) return dot;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Private: similarity between rows of a CSR matrix from accumulated dot products. */
import type { CsrMatrix } from "./types.ts";
import type { Similarity } from "./vector_similarity.ts";
import {
  cosineFromStats,
  jaccardFromStats,
  type PairStats,
  pearsonFromStats,
  type SparseVector,
} from "./_vector.ts";

/** Per-row sums needed by the built-in similarities. */
export interface RowStats {
  sum: Float64Array;
  sumSq: Float64Array;
  nnz: Int32Array;
}

/**
 * Sum, sum of squares and non-zero count of every row of a CSR matrix.
 *
 * @param m The matrix.
 * @returns The three per-row arrays.
 * @example
 * ```ts
 * import { rowStats } from "@shoplab/lib/recommend/_row_sim.ts";
 * import assert from "node:assert/strict";
 * const m = { nRows: 2, nCols: 3, indptr: Int32Array.of(0, 2, 3),
 *   indices: Int32Array.of(0, 2, 1), values: Float32Array.of(1, 2, 3) };
 * const s = rowStats(m);
 * assert.deepEqual([...s.sum], [3, 3]);
 * assert.deepEqual([...s.sumSq], [5, 9]);
 * assert.deepEqual([...s.nnz], [2, 1]);
 * ```
 */
export function rowStats(m: CsrMatrix): RowStats {
  const sum = new Float64Array(m.nRows), sumSq = new Float64Array(m.nRows);
  const nnz = new Int32Array(m.nRows);
  for (let r = 0; r < m.nRows; r++) {
    let s = 0, ss = 0, c = 0;
    for (let q = m.indptr[r]; q < m.indptr[r + 1]; q++) {
      const v = m.values[q];
      s += v;
      ss += v * v;
      if (v !== 0) c++;
    }
    sum[r] = s;
    sumSq[r] = ss;
    nnz[r] = c;
  }
  return { sum, sumSq, nnz };
}

/**
 * Row `r` of a CSR matrix as a {@linkcode SparseVector} (views, no copy).
 *
 * @param m The matrix.
 * @param r Row index.
 * @returns The row, of length `m.nCols`.
 * @example
 * ```ts
 * import { rowVector } from "@shoplab/lib/recommend/_row_sim.ts";
 * import assert from "node:assert/strict";
 * const m = { nRows: 2, nCols: 3, indptr: Int32Array.of(0, 2, 3),
 *   indices: Int32Array.of(0, 2, 1), values: Float32Array.of(1, 2, 3) };
 * const v = rowVector(m, 1);
 * assert.equal(v.length, 3);
 * assert.deepEqual(Array.from(v.indices), [1]);
 * ```
 */
export function rowVector(m: CsrMatrix, r: number): SparseVector {
  return {
    length: m.nCols,
    indices: m.indices.subarray(m.indptr[r], m.indptr[r + 1]),
    values: m.values.subarray(m.indptr[r], m.indptr[r + 1]),
  };
}

/**
 * Returns sim(a, b, dot, common) for rows a, b of `m` given their dot product and the number of
 * columns where both are non-zero. `shrink` multiplies by common / (common + shrink).
 *
 * @example
 * ```ts
 * import { rowSimilarity } from "@shoplab/lib/recommend/_row_sim.ts";
 * import assert from "node:assert/strict";
 * // rows (1, 1, 0) and (1, 0, 0): dot 1, one common column
 * const m = { nRows: 2, nCols: 3, indptr: Int32Array.of(0, 2, 3),
 *   indices: Int32Array.of(0, 1, 0), values: Float32Array.of(1, 1, 1) };
 * assert.ok(Math.abs(rowSimilarity(m, "cosine", 0)(0, 1, 1, 1) - Math.SQRT1_2) < 1e-12);
 * assert.equal(rowSimilarity(m, "jaccard", 0)(0, 1, 1, 1), 0.5);
 * assert.equal(rowSimilarity(m, "jaccard", 1)(0, 1, 1, 1), 0.25); // shrunk by 1 / (1 + 1)
 * ```
 */
export function rowSimilarity(
  m: CsrMatrix,
  similarity: Similarity,
  shrink: number,
): (a: number, b: number, dot: number, common: number) => number {
  const st = rowStats(m);
  const pair: PairStats = {
    n: m.nCols,
    dot: 0,
    sa: 0,
    sb: 0,
    saa: 0,
    sbb: 0,
    nza: 0,
    nzb: 0,
    both: 0,
  };
  let base: (a: number, b: number, dot: number, common: number) => number;
  if (typeof similarity === "function") {
    base = (a, b) => similarity(rowVector(m, a), rowVector(m, b));
  } else {
    const f = similarity === "cosine"
      ? cosineFromStats
      : similarity === "pearson"
      ? pearsonFromStats
      : similarity === "jaccard"
      ? jaccardFromStats
      : null;
    if (f === null) throw new TypeError(`unknown similarity ${JSON.stringify(similarity)}`);
    if (similarity === "cosine") {
      const norm = st.sumSq.map(Math.sqrt);
      base = (a, b, dot) => (norm[a] > 0 && norm[b] > 0 ? dot / (norm[a] * norm[b]) : 0);
    } else {
      base = (a, b, dot, common) => {
        pair.dot = dot;
        pair.sa = st.sum[a];
        pair.sb = st.sum[b];
        pair.saa = st.sumSq[a];
        pair.sbb = st.sumSq[b];
        pair.nza = st.nnz[a];
        pair.nzb = st.nnz[b];
        pair.both = common;
        return f(pair);
      };
    }
  }
  if (!(shrink > 0)) return base;
  return (a, b, dot, common) => base(a, b, dot, common) * (common / (common + shrink));
}

/**
 * k-nearest-neighbour imputation over typed arrays (exact; scikit-learn's `KNNImputer` rules).
 *
 * @module
 */
import pl from "nodejs-polars";
import { floatColumn, requireNumeric } from "./_columns.ts";

/** Options of {@linkcode imputeKnn}. */
export interface ImputeKnnOptions {
  /** Numeric columns used for distances and filled. */
  readonly columns: readonly string[];
  /** Number of neighbours. Default `5`. */
  readonly k?: number;
  /**
   * Standardise the columns (mean 0, population std 1, learnt on `reference` ignoring missing
   * values) before measuring distances, so a column in thousands does not drown one in units.
   * Filled values are in the original units either way. Default `true`.
   */
  readonly standardize?: boolean;
  /** Table whose rows are the candidate neighbours (e.g. the training part). Default: `df`. */
  readonly reference?: pl.DataFrame;
}

function matrix(df: pl.DataFrame, cols: readonly string[]): Float64Array {
  const n = df.height, m = cols.length;
  const x = new Float64Array(n * m);
  cols.forEach((c, j) => {
    const v = floatColumn(df, c);
    for (let i = 0; i < n; i++) x[i * m + j] = v[i];
  });
  return x;
}

/**
 * Fills missing values (null or NaN) with the mean of that column over the `k` nearest rows of
 * `reference` that have it, as scikit-learn's `KNNImputer(n_neighbors=k)` with uniform
 * weights, applied after standardising when `standardize` is on (the default):
 *
 * - distance = NaN-aware Euclidean over the coordinates both rows have, scaled by
 *   √(columns / coordinates present); rows sharing no coordinate rank last;
 * - ties are broken by row order; fewer than `k` candidates → all of them are used;
 * - when every candidate shares no coordinate with the row, the column mean is used;
 * - a column with no value in `reference` stays missing.
 *
 * Exact search, O(rows with gaps × reference rows × columns): meant for thousands of rows,
 * not millions.
 *
 * @param df Table to fill.
 * @param options See {@linkcode ImputeKnnOptions}.
 * @returns `df` with the columns filled (as Float64).
 * @throws {RangeError} When `k` is not a positive integer.
 * @throws {TypeError} When a column is missing or not numeric.
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { imputeKnn } from "@shoplab/lib/prep/impute_knn.ts";
 * import assert from "node:assert/strict";
 * const df = pl.DataFrame({ a: [1, 2, 10, 1.1], b: [1, 2, 10, null] });
 * const out = imputeKnn(df, { columns: ["a", "b"], k: 2, standardize: false });
 * assert.equal(out.getColumn("b").get(3), 1.5);
 * ```
 */
export function imputeKnn(df: pl.DataFrame, options: ImputeKnnOptions): pl.DataFrame {
  const k = options.k ?? 5;
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`imputeKnn: k must be a positive integer, got ${k}`);
  }
  const cols = options.columns;
  const ref = options.reference ?? df;
  requireNumeric(df, cols, "imputeKnn");
  requireNumeric(ref, cols, "imputeKnn (reference)");
  const n = df.height, nr = ref.height, m = cols.length;
  if (n === 0 || m === 0) return df;
  const x = matrix(df, cols), y = ref === df ? x : matrix(ref, cols);
  // Column statistics over the reference rows, ignoring missing values.
  const mean = new Float64Array(m),
    scale = new Float64Array(m).fill(1),
    count = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0, c = 0;
    for (let r = 0; r < nr; r++) {
      const v = y[r * m + j];
      if (v === v) {
        s += v;
        c++;
      }
    }
    count[j] = c;
    mean[j] = c > 0 ? s / c : NaN;
    if (options.standardize ?? true) {
      let ss = 0;
      for (let r = 0; r < nr; r++) {
        const v = y[r * m + j];
        if (v === v) ss += (v - mean[j]) ** 2;
      }
      const sd = c > 0 ? Math.sqrt(ss / c) : 0;
      scale[j] = sd > 0 ? sd : 1;
    }
  }
  const out = Float64Array.from(x);
  const dist = new Float64Array(nr);
  const best = new Int32Array(k), bestD = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let gaps = false;
    for (let j = 0; j < m; j++) if (x[i * m + j] !== x[i * m + j]) gaps = true;
    if (!gaps) continue;
    for (let r = 0; r < nr; r++) {
      let s = 0, present = 0;
      for (let j = 0; j < m; j++) {
        const a = x[i * m + j], b = y[r * m + j];
        if (a === a && b === b) {
          const d = (a - b) / scale[j];
          s += d * d;
          present++;
        }
      }
      dist[r] = present === 0 ? Infinity : (s * m) / present;
    }
    for (let j = 0; j < m; j++) {
      if (x[i * m + j] === x[i * m + j] || count[j] === 0) continue;
      let found = 0, finite = 0;
      for (let r = 0; r < nr; r++) {
        if (y[r * m + j] !== y[r * m + j]) continue;
        const d = dist[r];
        if (d < Infinity) finite++;
        if (found === k && !(d < bestD[k - 1])) continue;
        let p = found < k ? found++ : k - 1;
        while (p > 0 && bestD[p - 1] > d) {
          best[p] = best[p - 1];
          bestD[p] = bestD[p - 1];
          p--;
        }
        best[p] = r;
        bestD[p] = d;
      }
      let s = 0;
      for (let q = 0; q < found; q++) s += y[best[q] * m + j];
      out[i * m + j] = finite === 0 ? mean[j] : s / found;
    }
  }
  return df.withColumns(
    ...cols.map((c, j) => {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = out[i * m + j];
      return pl.Series(c, v);
    }),
  ).withColumns(...cols.map((c) => pl.col(c).fillNan(pl.lit(null))));
}

/**
 * Principal component analysis by eigen-decomposition of the covariance matrix, to draw
 * segments in two dimensions.
 *
 * @module
 */
import { jacobiEigen } from "./_jacobi.ts";
import { checkMatrix, type MatrixLike } from "./_matrix.ts";

/** Options of {@linkcode pca}. */
export interface PcaOptions {
  /** Number of components kept. Default `2`. */
  readonly components?: number;
}

/** A fitted PCA. */
export interface PcaResult {
  /** Number of components kept. */
  readonly components: number;
  /** Number of input columns. */
  readonly cols: number;
  /** Column means subtracted before projecting. */
  readonly mean: Float64Array;
  /** Unit loading vectors, row-major components × cols (row c = component c). */
  readonly loadings: Float64Array;
  /** Variance along each component (covariance eigenvalue, ddof 1 as scikit-learn). */
  readonly explainedVariance: Float64Array;
  /** Share of the total variance along each component. */
  readonly explainedVarianceRatio: Float64Array;
  /** Coordinates of each row on the components, row-major rows × components. */
  readonly scores: Float64Array;
}

/**
 * Fits a PCA: centres the columns, forms the covariance matrix (ddof 1), diagonalises it with
 * Jacobi rotations and keeps the leading eigenvectors. Equal to scikit-learn's
 * `PCA(n_components)` up to each component's sign, which is fixed here so that the loading
 * of largest magnitude is positive (first such column on ties) — deterministic, and the same
 * whatever the row order. Standardise the columns first unless their units are comparable.
 *
 * @param x Matrix (at least 2 rows).
 * @param options See {@linkcode PcaOptions}.
 * @returns Loadings, explained variance (and ratio), scores.
 * @throws {RangeError} When there are fewer than 2 rows or `components` is not in 1 … cols.
 * @example
 * ```ts
 * import { pca } from "@shoplab/lib/segment/pca.ts";
 * import assert from "node:assert/strict";
 * // Points on the line y = x: one component explains everything.
 * const p = pca({ x: Float64Array.from([0, 0, 1, 1, 2, 2]), rows: 3, cols: 2 }, { components: 1 });
 * assert.ok(Math.abs(p.explainedVarianceRatio[0] - 1) < 1e-12);
 * assert.ok(Math.abs(p.loadings[0] - Math.SQRT1_2) < 1e-12);
 * ```
 */
export function pca(x: MatrixLike, options: PcaOptions = {}): PcaResult {
  checkMatrix(x, "pca");
  const { rows: n, cols: d } = x;
  const k = options.components ?? 2;
  if (n < 2) throw new RangeError(`pca: needs at least 2 rows, got ${n}`);
  if (!Number.isInteger(k) || k < 1 || k > d) {
    throw new RangeError(`pca: components must be an integer in 1 … ${d} (columns), got ${k}`);
  }
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t] += x.x[i * d + t];
  for (let t = 0; t < d; t++) mean[t] /= n;
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) row[t] = x.x[i * d + t] - mean[t];
    for (let a = 0; a < d; a++) {
      const ra = row[a];
      for (let b = a; b < d; b++) cov[a * d + b] += ra * row[b];
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      cov[a * d + b] /= n - 1;
      cov[b * d + a] = cov[a * d + b];
    }
  }
  const { values, vectors } = jacobiEigen(cov, d);
  let total = 0;
  for (let t = 0; t < d; t++) total += cov[t * d + t];
  const loadings = vectors.slice(0, k * d);
  for (let c = 0; c < k; c++) {
    let arg = 0;
    for (let t = 1; t < d; t++) {
      if (Math.abs(loadings[c * d + t]) > Math.abs(loadings[c * d + arg]) + 1e-12) arg = t;
    }
    if (loadings[c * d + arg] < 0) { for (let t = 0; t < d; t++) loadings[c * d + t] *= -1; }
  }
  const explainedVariance = new Float64Array(k), explainedVarianceRatio = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    explainedVariance[c] = Math.max(values[c], 0);
    explainedVarianceRatio[c] = total > 0 ? explainedVariance[c] / total : 0;
  }
  const scores = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) row[t] = x.x[i * d + t] - mean[t];
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += row[t] * loadings[c * d + t];
      scores[i * k + c] = s;
    }
  }
  return {
    components: k,
    cols: d,
    mean,
    loadings,
    explainedVariance,
    explainedVarianceRatio,
    scores,
  };
}

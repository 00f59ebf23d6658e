/**
 * k-means clustering on typed arrays: k-means++ seeding, Lloyd iterations, seeded restarts.
 *
 * @module
 */
import { SEED } from "../core/constants.ts";
import { createRng } from "../core/random.ts";
import { kmeansPlusPlus } from "./_kmeans_init.ts";
import { lloyd } from "./_lloyd.ts";
import { checkMatrix, type MatrixLike } from "./_matrix.ts";

export type { MatrixLike } from "./_matrix.ts";

/** Default number of segments (the source article uses k = 5). */
export const DEFAULT_SEGMENTS = 5;

/** Options of {@linkcode kmeans}. */
export interface KMeansOptions {
  /** Number of clusters. Default {@linkcode DEFAULT_SEGMENTS} (5). */
  readonly k?: number;
  /** Seed for the k-means++ seeding of every restart. Default `SEED` (42). */
  readonly seed?: number;
  /** Independent runs; the one with the lowest inertia wins. Default `10`. */
  readonly restarts?: number;
  /** Maximum Lloyd iterations per run. Default `300`. */
  readonly maxIter?: number;
  /**
   * Stop when the summed squared movement of the centres is ≤ tol × the mean per-column
   * variance of the data (scikit-learn's relative tolerance). Default `1e-4`.
   */
  readonly tol?: number;
}

/** A fitted k-means model. */
export interface KMeansResult {
  /** Cluster of each row, 0 … k − 1. */
  readonly labels: Int32Array;
  /** Centres, row-major k × cols. */
  readonly centroids: Float64Array;
  /** Number of clusters. */
  readonly k: number;
  /** Number of columns (features). */
  readonly cols: number;
  /** Sum of squared distances of rows to their centre (lower is tighter). */
  readonly inertia: number;
  /** Lloyd iterations of the winning run. */
  readonly iterations: number;
  /** Whether the winning run stopped by tolerance rather than `maxIter`. */
  readonly converged: boolean;
  /** Rows per cluster. */
  readonly sizes: Int32Array;
}

/**
 * Clusters the rows of a matrix with k-means: each restart seeds centres by greedy k-means++
 * and runs Lloyd's algorithm (assign each row to the nearest centre, move centres to their
 * rows' mean) until the labels stop changing, the centres move less than `tol`, or `maxIter`;
 * an empty cluster is moved onto the row farthest from its centre. The restart with the lowest
 * inertia is kept (earliest on ties). Same seed, same result.
 *
 * Standardise the features first (and one-hot encode categorical ones): k-means measures
 * plain Euclidean distance, so a column in thousands outweighs one in units.
 *
 * @param x Matrix (e.g. from `toMatrix`), rows = customers.
 * @param options See {@linkcode KMeansOptions}.
 * @returns Labels, centroids, inertia, iterations, sizes.
 * @throws {RangeError} When k is not an integer in 1 … rows, the matrix is empty or
 *   inconsistent, or holds a non-finite value.
 * @example
 * ```ts
 * import { kmeans } from "@shoplab/lib/segment/kmeans.ts";
 * import assert from "node:assert/strict";
 * const x = Float64Array.from([0, 0, 0, 1, 10, 10, 10, 11]);
 * const m = kmeans({ x, rows: 4, cols: 2 }, { k: 2, seed: 1 });
 * assert.equal(m.labels[0], m.labels[1]);
 * assert.notEqual(m.labels[0], m.labels[2]);
 * assert.equal(m.inertia, 1);
 * ```
 */
export function kmeans(x: MatrixLike, options: KMeansOptions = {}): KMeansResult {
  const k = options.k ?? DEFAULT_SEGMENTS;
  const restarts = options.restarts ?? 10, maxIter = options.maxIter ?? 300;
  const tol = options.tol ?? 1e-4;
  checkMatrix(x, "kmeans");
  const { rows: n, cols: d } = x;
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new RangeError(`kmeans: k must be an integer in 1 … ${n} (rows), got ${k}`);
  }
  if (!Number.isInteger(restarts) || restarts < 1) {
    throw new RangeError(`kmeans: restarts must be a positive integer, got ${restarts}`);
  }
  if (!Number.isInteger(maxIter) || maxIter < 1) {
    throw new RangeError(`kmeans: maxIter must be a positive integer, got ${maxIter}`);
  }
  if (!(tol >= 0)) throw new RangeError(`kmeans: tol must be ≥ 0, got ${tol}`);
  // Absolute tolerance: tol × mean of the column variances.
  let varSum = 0;
  for (let t = 0; t < d; t++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x.x[i * d + t];
    const mean = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (x.x[i * d + t] - mean) ** 2;
    varSum += ss / n;
  }
  const tolAbs = (tol * varSum) / d;
  const rng = createRng(options.seed ?? SEED);
  let best: ReturnType<typeof lloyd> | undefined;
  for (let r = 0; r < restarts; r++) {
    const run = rng.fork();
    const init = kmeansPlusPlus(x.x, n, d, k, run);
    const res = lloyd(x.x, n, d, k, init, maxIter, tolAbs);
    if (best === undefined || res.inertia < best.inertia) best = res;
  }
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[best!.labels[i]]++;
  return {
    labels: best!.labels,
    centroids: best!.centers,
    k,
    cols: d,
    inertia: best!.inertia,
    iterations: best!.iterations,
    converged: best!.converged,
    sizes,
  };
}

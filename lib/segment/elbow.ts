/**
 * Inertia for a range of k, for the elbow plot.
 *
 * @module
 */
import { kmeans, type KMeansOptions } from "./kmeans.ts";
import type { MatrixLike } from "./_matrix.ts";

/** Options of {@linkcode elbow}. */
export interface ElbowOptions extends Omit<KMeansOptions, "k"> {
  /** Values of k to try. Default `[2, 3, …, 10]`. */
  readonly ks?: readonly number[];
}

/** One point of the elbow curve. */
export interface ElbowPoint {
  /** Number of clusters. */
  readonly k: number;
  /** Best inertia over the restarts. */
  readonly inertia: number;
  /** Lloyd iterations of the best run. */
  readonly iterations: number;
}

/**
 * Runs {@linkcode kmeans} for each k (same seed and options) and reports the inertia. Inertia
 * always falls as k grows; the "elbow" is where the fall flattens out. Read it together with
 * the silhouette (`chooseK`), since the elbow is often not sharp.
 *
 * @param x Matrix (standardised features).
 * @param options See {@linkcode ElbowOptions}.
 * @returns One point per k, in the order given.
 * @throws {RangeError} As {@linkcode kmeans}, e.g. when a k exceeds the rows.
 * @example
 * ```ts
 * import { elbow } from "@shoplab/lib/segment/elbow.ts";
 * import assert from "node:assert/strict";
 * const x = Float64Array.from([0, 1, 10, 11, 20, 21]);
 * const pts = elbow({ x, rows: 6, cols: 1 }, { ks: [1, 2, 3], seed: 1 });
 * assert.deepEqual(pts.map((p) => p.inertia), [401.5, 101.5, 1.5]);
 * ```
 */
export function elbow(x: MatrixLike, options: ElbowOptions = {}): ElbowPoint[] {
  const ks = options.ks ?? [2, 3, 4, 5, 6, 7, 8, 9, 10];
  return ks.map((k) => {
    const m = kmeans(x, { ...options, k });
    return { k, inertia: m.inertia, iterations: m.iterations };
  });
}

/**
 * Assigning new rows to the nearest centre of a fitted k-means model.
 *
 * @module
 */
import { assign } from "./_lloyd.ts";
import { checkMatrix, type MatrixLike } from "./_matrix.ts";
import type { KMeansResult } from "./kmeans.ts";

/**
 * Labels each row of `x` with the nearest centroid of `model` (squared Euclidean distance;
 * ties → lower cluster index), e.g. to place test customers in segments fitted on training
 * customers. Scale `x` with the scaler fitted for the model.
 *
 * @param x Matrix with `model.cols` columns.
 * @param model Fitted model (only `centroids`, `k` and `cols` are read).
 * @returns Cluster of each row.
 * @throws {RangeError} When the column counts differ or `x` holds a non-finite value.
 * @example
 * ```ts
 * import { assignClusters } from "@shoplab/lib/segment/assign_clusters.ts";
 * import assert from "node:assert/strict";
 * const model = { centroids: Float64Array.from([0, 10]), k: 2, cols: 1 };
 * assert.deepEqual([...assignClusters({ x: Float64Array.from([1, 9, 4]), rows: 3, cols: 1 }, model)], [0, 1, 0]);
 * ```
 */
export function assignClusters(
  x: MatrixLike,
  model: Pick<KMeansResult, "centroids" | "k" | "cols">,
): Int32Array {
  checkMatrix(x, "assignClusters");
  if (x.cols !== model.cols) {
    throw new RangeError(`assignClusters: x has ${x.cols} columns, the model ${model.cols}`);
  }
  const labels = new Int32Array(x.rows).fill(-1);
  assign(x.x, x.rows, x.cols, model.centroids, model.k, labels, new Float64Array(x.rows));
  return labels;
}

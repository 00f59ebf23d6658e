/**
 * Pearson correlation of two vectors, dense or sparse (missing positions of a sparse vector are
 * zeros).
 *
 * @module
 */
import { pairStats, pearsonFromStats, type Vector } from "./_vector.ts";

/**
 * `r = cov(a, b) / (σa σb)` over all positions. Policy: a constant vector gives `0`; NaN in
 * either vector gives NaN. (For explicit ratings restricted to co-rated items, pass only those
 * positions.)
 *
 * @param a Dense array-like or sparse vector.
 * @param b Same length as `a`.
 * @returns The correlation, in [-1, 1].
 * @throws {RangeError} When the lengths differ.
 * @example
 * ```ts
 * import { pearsonCorrelation } from "@shoplab/lib/recommend/pearson_correlation.ts";
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(pearsonCorrelation([1, 2, 3], [2, 4, 6]) - 1) < 1e-12);
 * assert.ok(Math.abs(pearsonCorrelation([1, 2, 3], [3, 2, 1]) + 1) < 1e-12);
 * assert.equal(pearsonCorrelation([1, 1, 1], [1, 2, 3]), 0);
 * ```
 */
export function pearsonCorrelation(a: Vector, b: Vector): number {
  return pearsonFromStats(pairStats(a, b));
}

/**
 * Cosine similarity of two vectors, dense or sparse.
 *
 * @module
 */
import { cosineFromStats, pairStats, type SparseVector, type Vector } from "./_vector.ts";

export type { SparseVector, Vector };

/**
 * `cos(a, b) = a·b / (‖a‖ ‖b‖)`. Policy: a zero vector gives `0` (as scikit-learn); NaN in
 * either vector gives NaN.
 *
 * The source article computes cos((4,3,2,1,0), (3,3,2,0,1)) as 25/(√30·√20) ≈ 0.87, but
 * ‖(3,3,2,0,1)‖² = 9+9+4+0+1 = 23, so the right value is 25/√690 ≈ 0.9517.
 *
 * @param a Dense array-like or `{ length, indices, values }` sparse vector.
 * @param b Same length as `a`.
 * @returns The cosine, in [-1, 1].
 * @throws {RangeError} When the lengths differ.
 * @example
 * ```ts
 * import { cosineSimilarity } from "@shoplab/lib/recommend/cosine_similarity.ts";
 * import assert from "node:assert/strict";
 * const c = cosineSimilarity([4, 3, 2, 1, 0], [3, 3, 2, 0, 1]);
 * assert.ok(Math.abs(c - 25 / Math.sqrt(690)) < 1e-12); // ≈ 0.9517, not 0.87
 * const sparse = { length: 5, indices: [0, 1, 2, 4], values: [3, 3, 2, 1] };
 * assert.equal(cosineSimilarity([4, 3, 2, 1, 0], sparse), c);
 * ```
 */
export function cosineSimilarity(a: Vector, b: Vector): number {
  return cosineFromStats(pairStats(a, b));
}

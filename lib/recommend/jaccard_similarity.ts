/**
 * Jaccard similarity of the non-zero positions of two vectors (dense or sparse).
 *
 * @module
 */
import { jaccardFromStats, pairStats, type Vector } from "./_vector.ts";

/**
 * `|A ∩ B| / |A ∪ B|` where A, B are the positions with non-zero values (e.g. customers who
 * bought each item). Policy: two all-zero vectors give `0`.
 *
 * @param a Dense array-like or sparse vector.
 * @param b Same length as `a`.
 * @returns The similarity, in [0, 1].
 * @throws {RangeError} When the lengths differ.
 * @example
 * ```ts
 * import { jaccardSimilarity } from "@shoplab/lib/recommend/jaccard_similarity.ts";
 * import assert from "node:assert/strict";
 * assert.equal(jaccardSimilarity([1, 1, 0, 0], [0, 1, 1, 0]), 1 / 3);
 * ```
 */
export function jaccardSimilarity(a: Vector, b: Vector): number {
  return jaccardFromStats(pairStats(a, b));
}

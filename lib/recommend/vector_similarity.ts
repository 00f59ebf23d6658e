/**
 * One entry point for vector similarity with a strategy: `"cosine" | "pearson" | "jaccard"` or
 * your own function.
 *
 * @module
 */
import {
  cosineFromStats,
  jaccardFromStats,
  pairStats,
  pearsonFromStats,
  type Vector,
} from "./_vector.ts";

/** A similarity strategy: a built-in name or a function of two vectors. */
export type Similarity = "cosine" | "pearson" | "jaccard" | ((a: Vector, b: Vector) => number);

/** Options of {@linkcode vectorSimilarity}. */
export interface VectorSimilarityOptions {
  /** The strategy. Default `"cosine"`. */
  readonly similarity?: Similarity;
}

/**
 * Similarity of two vectors by the chosen strategy (see `cosineSimilarity`,
 * `pearsonCorrelation`, `jaccardSimilarity` for the policies on zeros and NaN).
 *
 * @param a Dense array-like or `{ length, indices, values }` sparse vector.
 * @param b Same length as `a`.
 * @param options See {@linkcode VectorSimilarityOptions}.
 * @returns The similarity.
 * @throws {RangeError} When the lengths differ (built-in strategies).
 * @example
 * ```ts
 * import { vectorSimilarity } from "@shoplab/lib/recommend/vector_similarity.ts";
 * import assert from "node:assert/strict";
 * assert.equal(vectorSimilarity([1, 0], [1, 1], { similarity: "jaccard" }), 0.5);
 * assert.equal(vectorSimilarity([1, 0], [1, 1], { similarity: (a, b) => a.length + b.length }), 4);
 * ```
 */
export function vectorSimilarity(
  a: Vector,
  b: Vector,
  options: VectorSimilarityOptions = {},
): number {
  const s = options.similarity ?? "cosine";
  if (typeof s === "function") return s(a, b);
  const st = pairStats(a, b);
  if (s === "cosine") return cosineFromStats(st);
  if (s === "pearson") return pearsonFromStats(st);
  if (s === "jaccard") return jaccardFromStats(st);
  throw new TypeError(`vectorSimilarity(): unknown similarity ${JSON.stringify(s)}`);
}

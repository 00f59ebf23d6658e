/**
 * Precision at k.
 *
 * @module
 */
import { asSet, type AtKOptions, cutoff, hits, type Relevant } from "./_rel.ts";

export type { AtKOptions, Relevant };

/**
 * Share of the k recommendation slots holding a relevant item: hits in the top k / k (a list shorter than k is not rewarded for its shortness).
 *
 * @param recommended Ranked item indices, best first.
 * @param relevant The user's relevant (held-out) items.
 * @param options `{ k }`, default `DEFAULT_K` (10).
 * @returns The metric for this user; NaN when `relevant` is empty (such users are not scored).
 * @throws {RangeError} When k is not a positive integer.
 * @example
 * ```ts
 * import { precisionAtK } from "@shoplab/lib/recommend/precision_at_k.ts";
 * import assert from "node:assert/strict";
 * assert.equal(precisionAtK([5, 1, 7, 2], [1, 2, 9], { k: 4 }), 0.5);
 * ```
 */
export function precisionAtK(
  recommended: ArrayLike<number>,
  relevant: Relevant,
  options: AtKOptions = {},
): number {
  const k = cutoff(options);
  const rel = asSet(relevant);
  if (rel.size === 0) return NaN;
  const h = hits(recommended, rel, k);
  return h.reduce((a, x) => a + x, 0) / k;
}

/**
 * Recall at k.
 *
 * @module
 */
import { asSet, type AtKOptions, cutoff, hits, type Relevant } from "./_rel.ts";

export type { AtKOptions, Relevant };

/**
 * Share of the relevant items found in the top k: hits / |relevant|.
 *
 * @param recommended Ranked item indices, best first.
 * @param relevant The user's relevant (held-out) items.
 * @param options `{ k }`, default `DEFAULT_K` (10).
 * @returns The metric for this user; NaN when `relevant` is empty (such users are not scored).
 * @throws {RangeError} When k is not a positive integer.
 * @example
 * ```ts
 * import { recallAtK } from "@shoplab/lib/recommend/recall_at_k.ts";
 * import assert from "node:assert/strict";
 * assert.equal(recallAtK([5, 1, 7, 2], [1, 2, 9], { k: 4 }), 2 / 3);
 * ```
 */
export function recallAtK(
  recommended: ArrayLike<number>,
  relevant: Relevant,
  options: AtKOptions = {},
): number {
  const k = cutoff(options);
  const rel = asSet(relevant);
  if (rel.size === 0) return NaN;
  const h = hits(recommended, rel, k);
  return h.reduce((a, x) => a + x, 0) / rel.size;
}

/**
 * Reciprocal rank at k (averaged over users: MRR@k).
 *
 * @module
 */
import { asSet, type AtKOptions, cutoff, hits, type Relevant } from "./_rel.ts";

export type { AtKOptions, Relevant };

/**
 * 1 / rank of the first relevant item within the top k, 0 when none.
 *
 * @param recommended Ranked item indices, best first.
 * @param relevant The user's relevant (held-out) items.
 * @param options `{ k }`, default `DEFAULT_K` (10).
 * @returns The metric for this user; NaN when `relevant` is empty (such users are not scored).
 * @throws {RangeError} When k is not a positive integer.
 * @example
 * ```ts
 * import { mrrAtK } from "@shoplab/lib/recommend/mrr_at_k.ts";
 * import assert from "node:assert/strict";
 * assert.equal(mrrAtK([5, 1, 7, 2], [1, 2, 9], { k: 4 }), 0.5);
 * ```
 */
export function mrrAtK(
  recommended: ArrayLike<number>,
  relevant: Relevant,
  options: AtKOptions = {},
): number {
  const k = cutoff(options);
  const rel = asSet(relevant);
  if (rel.size === 0) return NaN;
  const h = hits(recommended, rel, k);
  const p = h.indexOf(1);
  return p < 0 ? 0 : 1 / (p + 1);
}

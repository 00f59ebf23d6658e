/**
 * Hit rate at k.
 *
 * @module
 */
import { asSet, type AtKOptions, cutoff, hits, type Relevant } from "./_rel.ts";

export type { AtKOptions, Relevant };

/**
 * 1 when at least one relevant item is in the top k, else 0 (averaged over users it is the hit rate).
 *
 * @param recommended Ranked item indices, best first.
 * @param relevant The user's relevant (held-out) items.
 * @param options `{ k }`, default `DEFAULT_K` (10).
 * @returns The metric for this user; NaN when `relevant` is empty (such users are not scored).
 * @throws {RangeError} When k is not a positive integer.
 * @example
 * ```ts
 * import { hitRateAtK } from "@shoplab/lib/recommend/hit_rate_at_k.ts";
 * import assert from "node:assert/strict";
 * assert.equal(hitRateAtK([5, 1], [1], { k: 2 }), 1);
 * assert.equal(hitRateAtK([5, 1], [1], { k: 1 }), 0);
 * ```
 */
export function hitRateAtK(
  recommended: ArrayLike<number>,
  relevant: Relevant,
  options: AtKOptions = {},
): number {
  const k = cutoff(options);
  const rel = asSet(relevant);
  if (rel.size === 0) return NaN;
  const h = hits(recommended, rel, k);
  return h.some((x) => x === 1) ? 1 : 0;
}

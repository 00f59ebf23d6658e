/**
 * Normalised discounted cumulative gain at k (binary relevance).
 *
 * @module
 */
import { asSet, type AtKOptions, cutoff, hits, type Relevant } from "./_rel.ts";

export type { AtKOptions, Relevant };

/**
 * DCG@k / IDCG@k with DCG = Σ_{p=1..k} rel_p / log2(p + 1) and the ideal DCG over min(k, |relevant|) hits at the top.
 *
 * @param recommended Ranked item indices, best first.
 * @param relevant The user's relevant (held-out) items.
 * @param options `{ k }`, default `DEFAULT_K` (10).
 * @returns The metric for this user; NaN when `relevant` is empty (such users are not scored).
 * @throws {RangeError} When k is not a positive integer.
 * @example
 * ```ts
 * import { ndcgAtK } from "@shoplab/lib/recommend/ndcg_at_k.ts";
 * import assert from "node:assert/strict";
 * // hits at ranks 2 and 4 of 4, three relevant: (1/log2 3 + 1/log2 5) / (1 + 1/log2 3 + 1/2)
 * const v = ndcgAtK([5, 1, 7, 2], [1, 2, 9], { k: 4 });
 * assert.ok(Math.abs(v - (1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3) + 0.5)) < 1e-12);
 * ```
 */
export function ndcgAtK(
  recommended: ArrayLike<number>,
  relevant: Relevant,
  options: AtKOptions = {},
): number {
  const k = cutoff(options);
  const rel = asSet(relevant);
  if (rel.size === 0) return NaN;
  const h = hits(recommended, rel, k);
  let dcg = 0;
  for (let p = 0; p < h.length; p++) if (h[p]) dcg += 1 / Math.log2(p + 2);
  let idcg = 0;
  for (let p = 0; p < Math.min(k, rel.size); p++) idcg += 1 / Math.log2(p + 2);
  return dcg / idcg;
}

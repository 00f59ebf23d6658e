/**
 * Average precision at k (averaged over users: MAP@k).
 *
 * @module
 */
import { asSet, type AtKOptions, cutoff, hits, type Relevant } from "./_rel.ts";

export type { AtKOptions, Relevant };

/**
 * AP@k = Σ_{p ≤ k, item p relevant} precision@p / min(k, |relevant|). Convention: the normaliser is min(k, |relevant|) (as Kaggle's `apk` in ml_metrics), so a perfect top-k scores 1 even when more than k items are relevant; libraries that divide by |relevant| or by the number of hits give different numbers.
 *
 * @param recommended Ranked item indices, best first.
 * @param relevant The user's relevant (held-out) items.
 * @param options `{ k }`, default `DEFAULT_K` (10).
 * @returns The metric for this user; NaN when `relevant` is empty (such users are not scored).
 * @throws {RangeError} When k is not a positive integer.
 * @example
 * ```ts
 * import { mapAtK } from "@shoplab/lib/recommend/map_at_k.ts";
 * import assert from "node:assert/strict";
 * // hits at ranks 2 and 4, three relevant, k = 4: (1/2 + 2/4) / 3
 * assert.equal(mapAtK([5, 1, 7, 2], [1, 2, 9], { k: 4 }), 1 / 3);
 * ```
 */
export function mapAtK(
  recommended: ArrayLike<number>,
  relevant: Relevant,
  options: AtKOptions = {},
): number {
  const k = cutoff(options);
  const rel = asSet(relevant);
  if (rel.size === 0) return NaN;
  const h = hits(recommended, rel, k);
  let found = 0, sum = 0;
  for (let p = 0; p < h.length; p++) {
    if (h[p]) {
      found++;
      sum += found / (p + 1);
    }
  }
  return sum / Math.min(k, rel.size);
}

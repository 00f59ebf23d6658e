/**
 * Novelty of recommendation lists: how unpopular (surprising) the recommended items are.
 *
 * @module
 */

/**
 * Mean self-information −log2 p(i) of every recommended item, where p(i) is the share of
 * training users who interacted with item i. Higher = less obvious recommendations.
 *
 * @param lists One ranked list of item indices per user.
 * @param itemProbability p(i) per item, in (0, 1] (give unseen items a small positive value,
 *   e.g. 1 / nUsers, as `evaluateRecommenders` does).
 * @returns Mean bits per recommended item (NaN for no items).
 * @throws {RangeError} When a recommended item's probability is not in (0, 1].
 * @example
 * ```ts
 * import { novelty } from "@shoplab/lib/recommend/novelty.ts";
 * import assert from "node:assert/strict";
 * assert.equal(novelty([[0, 1]], [0.5, 0.125]), (1 + 3) / 2);
 * ```
 */
export function novelty(
  lists: readonly ArrayLike<number>[],
  itemProbability: ArrayLike<number>,
): number {
  let sum = 0, n = 0;
  for (const l of lists) {
    for (let p = 0; p < l.length; p++) {
      const pr = itemProbability[l[p]];
      if (!(pr > 0 && pr <= 1)) {
        throw new RangeError(`novelty(): item ${l[p]} has probability ${pr}, expected (0, 1]`);
      }
      sum -= Math.log2(pr);
      n++;
    }
  }
  return n > 0 ? sum / n : NaN;
}

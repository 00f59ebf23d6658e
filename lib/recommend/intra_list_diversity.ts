/**
 * Intra-list diversity: how different the items within each list are.
 *
 * @module
 */

/**
 * Mean over lists of 1 − (mean pairwise similarity of the list's items). Lists with fewer than
 * two items are skipped.
 *
 * @param lists One ranked list of item indices per user.
 * @param similarity Similarity of two items (e.g. cosine of their user vectors), in [0, 1].
 * @returns Diversity (NaN when no list has two items).
 * @example
 * ```ts
 * import { intraListDiversity } from "@shoplab/lib/recommend/intra_list_diversity.ts";
 * import assert from "node:assert/strict";
 * const sim = (a: number, b: number) => (a % 2 === b % 2 ? 1 : 0); // same parity = same kind
 * assert.equal(intraListDiversity([[0, 2], [0, 1]], sim), 0.5);
 * ```
 */
export function intraListDiversity(
  lists: readonly ArrayLike<number>[],
  similarity: (a: number, b: number) => number,
): number {
  let sum = 0, n = 0;
  for (const l of lists) {
    if (l.length < 2) continue;
    let s = 0, pairs = 0;
    for (let a = 0; a < l.length; a++) {
      for (let b = a + 1; b < l.length; b++) {
        s += similarity(l[a], l[b]);
        pairs++;
      }
    }
    sum += 1 - s / pairs;
    n++;
  }
  return n > 0 ? sum / n : NaN;
}

/** Private: top-k selection over a score array. */

/**
 * Indices of the `k` largest finite scores, best first; ties go to the lower index. Entries
 * whose score is -Infinity or NaN are never selected.
 *
 * @example
 * ```ts
 * import { topK } from "@shoplab/lib/recommend/_top_k.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual([...topK([0.2, 0.9, NaN, 0.9, -Infinity], 2)], [1, 3]);
 * assert.deepEqual([...topK([NaN, -Infinity], 3)], []);
 * ```
 */
export function topK(scores: ArrayLike<number>, k: number): Int32Array {
  const idx = new Int32Array(k);
  const val = new Float64Array(k);
  let n = 0;
  for (let j = 0; j < scores.length; j++) {
    const s = scores[j];
    if (!(s > -Infinity)) continue;
    if (n === k && !(s > val[k - 1])) continue;
    let p = n < k ? n++ : k - 1;
    while (p > 0 && s > val[p - 1]) {
      val[p] = val[p - 1];
      idx[p] = idx[p - 1];
      p--;
    }
    val[p] = s;
    idx[p] = j;
  }
  return n === k ? idx : idx.slice(0, n);
}

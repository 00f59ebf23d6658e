/**
 * Private: greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with scikit-learn's
 * 2 + ⌊ln k⌋ local trials per centre).
 *
 * @module
 */
import type { Rng } from "../core/random.ts";
import { sqDist } from "./_matrix.ts";

/** Index of the first entry of the cumulative sums `cum` that is ≥ `v` (clamped to n − 1). */
function searchSorted(cum: Float64Array, v: number): number {
  let lo = 0, hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Picks `k` initial centres among the rows of `x` (n × d); returns them as a k × d array.
 *
 * @example
 * ```ts
 * import { createRng } from "@shoplab/lib/core/random.ts";
 * import { kmeansPlusPlus } from "@shoplab/lib/segment/_kmeans_init.ts";
 * import assert from "node:assert/strict";
 * // two tight groups far apart: k-means++ puts one centre in each
 * const x = Float64Array.of(0, 0, 0.1, 0, 10, 10, 10.1, 10);
 * const c = kmeansPlusPlus(x, 4, 2, 2, createRng(42));
 * assert.equal(c.length, 4);
 * assert.ok(Math.abs(c[0] - c[2]) > 5);
 * ```
 */
export function kmeansPlusPlus(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  rng: Rng,
): Float64Array {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = rng.int(n);
  centers.set(x.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(x, i, x, first, d);
    pot += closest[i];
  }
  const cum = new Float64Array(n);
  const ids = new Int32Array(trials), pots = new Float64Array(trials);
  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cum[i] = acc += closest[i];
    for (let t = 0; t < trials; t++) ids[t] = searchSorted(cum, rng.next() * pot);
    // One pass over the rows scores every candidate: the potential if it were chosen.
    pots.fill(0);
    for (let i = 0; i < n; i++) {
      const ci = closest[i];
      for (let t = 0; t < trials; t++) {
        const v = sqDist(x, i, x, ids[t], d);
        pots[t] += v < ci ? v : ci;
      }
    }
    let best = 0;
    for (let t = 1; t < trials; t++) if (pots[t] < pots[best]) best = t;
    const id = ids[best];
    pot = 0;
    for (let i = 0; i < n; i++) {
      const v = sqDist(x, i, x, id, d);
      if (v < closest[i]) closest[i] = v;
      pot += closest[i];
    }
    centers.set(x.subarray(id * d, id * d + d), c * d);
  }
  return centers;
}

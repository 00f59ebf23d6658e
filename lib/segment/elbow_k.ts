/**
 * Locating the elbow of an inertia curve.
 *
 * @module
 */

/**
 * The k at the "elbow" of an inertia curve: the interior point where the gain from the last
 * added cluster is largest relative to the gain from the next one,
 * $\arg\max_k \frac{I(k_{-}) - I(k)}{I(k) - I(k_{+})}$ over consecutive tried values
 * $k_{-} < k < k_{+}$. It turns "where the fall flattens out" into a number; read it together
 * with the silhouette, since real customer data often has no sharp elbow. (The chord-distance
 * "Kneedle" rule was tried and rejected: a steep first step drags it one k too early on
 * clean blobs.)
 *
 * @param points `{ k, inertia }` for increasing k (e.g. from `elbow`), at least 3.
 * @returns The k of the elbow (the smallest such k on ties; the first k when the curve is flat).
 * @throws {RangeError} When fewer than 3 points are given, k is not increasing, or an
 *   inertia is not finite.
 * @example
 * ```ts
 * import { elbowK } from "@shoplab/lib/segment/elbow_k.ts";
 * import assert from "node:assert/strict";
 * const pts = [[1, 1000], [2, 400], [3, 120], [4, 100], [5, 90], [6, 82]]
 *   .map(([k, inertia]) => ({ k, inertia }));
 * // drops 600, 280, 20, 10, 8: the ratio 280 / 20 = 14 at k = 3 is the largest
 * assert.equal(elbowK(pts), 3);
 * ```
 */
export function elbowK(
  points: readonly { readonly k: number; readonly inertia: number }[],
): number {
  const n = points.length;
  if (n < 3) throw new RangeError(`elbowK: needs at least 3 points, got ${n}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(points[i].inertia)) {
      throw new RangeError(`elbowK: points[${i}].inertia is ${points[i].inertia}`);
    }
    if (i > 0 && !(points[i].k > points[i - 1].k)) {
      throw new RangeError(`elbowK: k must increase, got ${points[i - 1].k} then ${points[i].k}`);
    }
  }
  let best = points[0].k, bestRatio = 0;
  for (let i = 1; i < n - 1; i++) {
    const before = points[i - 1].inertia - points[i].inertia;
    const after = points[i].inertia - points[i + 1].inertia;
    if (!(before > 0)) continue;
    const ratio = after > 0 ? before / after : Infinity;
    if (ratio > bestRatio) best = points[i].k, bestRatio = ratio;
  }
  return best;
}

// Private: numpy's default ("linear") percentile, reproduced operation by operation so that
// quantile bin edges match numpy bit for bit (numpy 1.24 `_quantile`, `_get_indexes`, `_lerp`).

/**
 * Quantile q in [0, 1] of an ascending-sorted, non-empty array, numpy's "linear" method.
 *
 * @example
 * ```ts
 * import { quantileSorted } from "@shoplab/lib/metrics/_percentile.ts";
 * import assert from "node:assert/strict";
 * const x = Float64Array.of(1, 2, 3, 4);
 * assert.equal(quantileSorted(x, 0.5), 2.5); // numpy.percentile([1, 2, 3, 4], 50)
 * assert.equal(quantileSorted(x, 0.25), 1.75);
 * assert.equal(quantileSorted(x, 1), 4);
 * ```
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return sorted[n - 1];
  if (virtual < 0) return sorted[0];
  const prev = Math.floor(virtual);
  const gamma = virtual - prev;
  const a = sorted[prev], b = sorted[prev + 1];
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

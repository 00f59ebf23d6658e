/**
 * Average precision.
 *
 * @module
 */
import { averagePrecisionOf, binaryClfCurve } from "./_curve.ts";
import { checkInputs, requirePositives } from "./_validate.ts";

/**
 * Average precision, scikit-learn's `average_precision_score`: the step-wise sum
 * $\mathrm{AP} = \sum_k (R_k - R_{k-1})\,P_k$ over the distinct thresholds, highest first — not
 * the trapezoid under the PR curve, which is optimistic. A random ranking scores about the
 * positive rate; a perfect one scores 1.
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores or probabilities, not NaN.
 * @returns A number in (0, 1].
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, a score is
 *   NaN, or there is no positive label.
 * @example
 * ```ts
 * import { averagePrecision } from "@shoplab/lib/metrics/average_precision.ts";
 * import assert from "node:assert/strict";
 * // scikit-learn's docstring example: 0.8333…
 * const ap = averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * assert.ok(Math.abs(ap - 5 / 6) < 1e-15);
 * ```
 */
export function averagePrecision(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  const c = checkInputs("averagePrecision", yTrue, yScore);
  requirePositives("averagePrecision", c);
  return averagePrecisionOf(binaryClfCurve(yTrue, yScore, c.positives));
}

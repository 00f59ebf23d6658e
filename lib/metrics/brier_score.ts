/**
 * Brier score.
 *
 * @module
 */
import { checkInputs } from "./_validate.ts";

/**
 * Brier score, the mean squared error of predicted probabilities (scikit-learn's
 * `brier_score_loss`): $\frac1n\sum_i (p_i - y_i)^2$. 0 is perfect; always predicting the
 * positive rate π scores π(1 − π).
 *
 * @param yTrue Labels, 0 or 1.
 * @param yProb Predicted P(y = 1), each in [0, 1].
 * @returns A number in [0, 1].
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, or a
 *   probability is NaN or outside [0, 1].
 * @example
 * ```ts
 * import { brierScore } from "@shoplab/lib/metrics/brier_score.ts";
 * import assert from "node:assert/strict";
 * // scikit-learn's docstring example: 0.0375
 * const b = brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]);
 * assert.ok(Math.abs(b - 0.0375) < 1e-15);
 * ```
 */
export function brierScore(yTrue: ArrayLike<number>, yProb: ArrayLike<number>): number {
  const { n } = checkInputs("brierScore", yTrue, yProb, "yProb", true);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = yProb[i] - yTrue[i];
    sum += d * d;
  }
  return sum / n;
}

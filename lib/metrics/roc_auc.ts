/**
 * Area under the ROC curve.
 *
 * @module
 */
import { aucOf, binaryClfCurve } from "./_curve.ts";
import { checkInputs, requireBothClasses } from "./_validate.ts";

/**
 * Area under the ROC curve (scikit-learn's `roc_auc_score` for binary labels): the trapezoid
 * over the distinct thresholds, so a positive and a negative with the same score count one
 * half. Equal to the probability that a random positive scores above a random negative
 * (Mann–Whitney U / (P·N)). Pass probabilities or scores — AUC of thresholded 0/1 predictions
 * throws away the ranking (a pitfall in the source articles).
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores or probabilities, not NaN.
 * @returns A number in [0, 1]: 0.5 is chance, 1 a perfect ranking.
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, a score is
 *   NaN, or `yTrue` holds one class only (AUC is undefined then).
 * @example
 * ```ts
 * import { rocAuc } from "@shoplab/lib/metrics/roc_auc.ts";
 * import assert from "node:assert/strict";
 * assert.equal(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
 * // a tie between a positive and a negative counts one half
 * assert.equal(rocAuc([0, 1], [0.5, 0.5]), 0.5);
 * assert.throws(() => rocAuc([1, 1], [0.2, 0.9]), RangeError);
 * ```
 */
export function rocAuc(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  const c = checkInputs("rocAuc", yTrue, yScore);
  requireBothClasses("rocAuc", c);
  return aucOf(binaryClfCurve(yTrue, yScore, c.positives));
}

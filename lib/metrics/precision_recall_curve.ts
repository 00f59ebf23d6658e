/**
 * Precision-recall curve.
 *
 * @module
 */
import { binaryClfCurve } from "./_curve.ts";
import { checkInputs, requirePositives } from "./_validate.ts";

/** Points of a precision-recall curve, in scikit-learn's order (increasing threshold). */
export interface PrecisionRecallCurveResult {
  /** Precision TP / (TP + FP) at each threshold, then a final 1. */
  readonly precision: Float64Array;
  /** Recall TP / P at each threshold (decreasing), then a final 0. */
  readonly recall: Float64Array;
  /** Distinct scores, increasing; one fewer than `precision` and `recall`. */
  readonly thresholds: Float64Array;
}

/**
 * Precision and recall at every distinct score, with scikit-learn's `precision_recall_curve`
 * semantics (1.2): thresholds increasing, and a last point (recall 0, precision 1) without a
 * threshold. Spread it into `prChart` with a name.
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores or probabilities, not NaN.
 * @returns `{ precision, recall, thresholds }`.
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, a score is
 *   NaN, or there is no positive label (recall undefined).
 * @example
 * ```ts
 * import { precisionRecallCurve } from "@shoplab/lib/metrics/precision_recall_curve.ts";
 * import assert from "node:assert/strict";
 * // scikit-learn's docstring example
 * const c = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * assert.deepEqual(Array.from(c.precision), [0.5, 2 / 3, 0.5, 1, 1]);
 * assert.deepEqual(Array.from(c.recall), [1, 1, 0.5, 0.5, 0]);
 * assert.deepEqual(Array.from(c.thresholds), [0.1, 0.35, 0.4, 0.8]);
 * ```
 */
export function precisionRecallCurve(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
): PrecisionRecallCurveResult {
  const c = checkInputs("precisionRecallCurve", yTrue, yScore);
  requirePositives("precisionRecallCurve", c);
  const { fps, tps, thresholds, positives } = binaryClfCurve(yTrue, yScore, c.positives);
  const m = fps.length;
  const precision = new Float64Array(m + 1), recall = new Float64Array(m + 1);
  const th = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const r = m - 1 - k;
    precision[r] = tps[k] / (tps[k] + fps[k]);
    recall[r] = tps[k] / positives;
    th[r] = thresholds[k];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: th };
}

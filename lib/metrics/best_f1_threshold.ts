/**
 * The threshold that maximises F1.
 *
 * @module
 */
import { binaryClfCurve } from "./_curve.ts";
import { checkInputs, requirePositives } from "./_validate.ts";

/** The chosen threshold and the scores it gives. */
export interface BestF1Threshold {
  /** Predict positive when `score >= threshold`; one of the scores. */
  readonly threshold: number;
  /** F1 at that threshold. */
  readonly f1: number;
  /** Precision at that threshold. */
  readonly precision: number;
  /** Recall at that threshold. */
  readonly recall: number;
}

/**
 * Scans every distinct score as a threshold (predict positive when `score >= t`) and returns the
 * one with the highest F1 = 2·TP / (2·TP + FP + FN); among equal F1 the highest threshold (fewest
 * customers flagged) wins. Choose it on validation data, then apply it to the test set.
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores or probabilities, not NaN.
 * @returns `{ threshold, f1, precision, recall }`.
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, a score is
 *   NaN, or there is no positive label (F1 is 0 at every threshold).
 * @example
 * ```ts
 * import { bestF1Threshold } from "@shoplab/lib/metrics/best_f1_threshold.ts";
 * import assert from "node:assert/strict";
 * const b = bestF1Threshold([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // t = 0.35: TP 2, FP 1 → F1 = 4/5
 * assert.deepEqual(b, { threshold: 0.35, f1: 0.8, precision: 2 / 3, recall: 1 });
 * ```
 */
export function bestF1Threshold(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
): BestF1Threshold {
  const c = checkInputs("bestF1Threshold", yTrue, yScore);
  requirePositives("bestF1Threshold", c);
  const { fps, tps, thresholds, positives } = binaryClfCurve(yTrue, yScore, c.positives);
  let best = 0, bestF1 = -1;
  for (let k = 0; k < fps.length; k++) {
    const f1 = (2 * tps[k]) / (tps[k] + fps[k] + positives);
    if (f1 > bestF1) best = k, bestF1 = f1;
  }
  return {
    threshold: thresholds[best],
    f1: bestF1,
    precision: tps[best] / (tps[best] + fps[best]),
    recall: tps[best] / positives,
  };
}

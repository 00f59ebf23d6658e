/**
 * Confusion matrix of a binary classifier at one threshold.
 *
 * @module
 */
import { checkInputs, checkThreshold } from "./_validate.ts";

/** Options of the threshold metrics (confusion matrix, accuracy, precision, recall, F1). */
export interface ThresholdOptions {
  /**
   * A row is predicted positive when its score is `>= threshold` (the convention of
   * scikit-learn's `roc_curve`). 0/1 predictions work unchanged with the default. Default `0.5`.
   */
  readonly threshold?: number;
}

/** Counts of a binary classifier at one threshold. */
export interface ConfusionCounts {
  /** True positives: label 1, predicted 1. */
  readonly tp: number;
  /** False positives: label 0, predicted 1. */
  readonly fp: number;
  /** True negatives: label 0, predicted 0. */
  readonly tn: number;
  /** False negatives: label 1, predicted 0. */
  readonly fn: number;
}

/**
 * Counts true/false positives/negatives, predicting 1 where `yScore >= threshold`. The result
 * can be passed to `confusionMatrixChart` as is.
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores, probabilities or 0/1 predictions, same length.
 * @param options See {@linkcode ThresholdOptions}.
 * @returns `{ tp, fp, tn, fn }`.
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, or a score
 *   is NaN (the message names the argument and index).
 * @example
 * ```ts
 * import { confusionMatrix } from "@shoplab/lib/metrics/confusion_matrix.ts";
 * import assert from "node:assert/strict";
 * const m = confusionMatrix([0, 0, 1, 1, 1], [0.2, 0.7, 0.9, 0.4, 0.5]);
 * assert.deepEqual(m, { tp: 2, fp: 1, tn: 1, fn: 1 });
 * ```
 */
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: ThresholdOptions = {},
): ConfusionCounts {
  const t = checkThreshold("confusionMatrix", options.threshold ?? 0.5);
  const { n } = checkInputs("confusionMatrix", yTrue, yScore);
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (let i = 0; i < n; i++) {
    const predicted = yScore[i] >= t;
    if (yTrue[i] === 1) predicted ? tp++ : fn++;
    else predicted ? fp++ : tn++;
  }
  return { tp, fp, tn, fn };
}

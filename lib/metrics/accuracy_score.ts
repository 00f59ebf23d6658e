/**
 * Accuracy.
 *
 * @module
 */
import { confusionMatrix, type ThresholdOptions } from "./confusion_matrix.ts";

export type { ThresholdOptions };

/**
 * Share of rows whose prediction (`yScore >= threshold`) equals the label:
 * (TP + TN) / n. On imbalanced data compare it with the majority-class rate.
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores, probabilities or 0/1 predictions.
 * @param options See {@linkcode ThresholdOptions} (default threshold 0.5).
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@linkcode confusionMatrix}.
 * @example
 * ```ts
 * import { accuracyScore } from "@shoplab/lib/metrics/accuracy_score.ts";
 * import assert from "node:assert/strict";
 * assert.equal(accuracyScore([0, 1, 1, 0], [0, 1, 0, 0]), 0.75);
 * ```
 */
export function accuracyScore(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: ThresholdOptions = {},
): number {
  const { tp, fp, tn, fn } = confusionMatrix(yTrue, yScore, options);
  return (tp + tn) / (tp + fp + tn + fn);
}

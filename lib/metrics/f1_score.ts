/**
 * F1 score.
 *
 * @module
 */
import { confusionMatrix, type ThresholdOptions } from "./confusion_matrix.ts";
import { ratio, type ZeroDivisionOptions } from "./_ratio.ts";

/** Options of {@linkcode f1Score}. */
export interface F1ScoreOptions extends ThresholdOptions, ZeroDivisionOptions {}

/**
 * F1, the harmonic mean of precision and recall: 2·TP / (2·TP + FP + FN).
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores, probabilities or 0/1 predictions.
 * @param options `threshold` (default 0.5), `zeroDivision` (default 0, returned when there are
 *   neither positive labels nor positive predictions).
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@linkcode confusionMatrix}.
 * @example
 * ```ts
 * import { f1Score } from "@shoplab/lib/metrics/f1_score.ts";
 * import assert from "node:assert/strict";
 * // precision 1/2, recall 1/2
 * assert.equal(f1Score([0, 1, 1, 0], [1, 1, 0, 0]), 0.5);
 * ```
 */
export function f1Score(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: F1ScoreOptions = {},
): number {
  const { tp, fp, fn } = confusionMatrix(yTrue, yScore, options);
  return ratio(2 * tp, 2 * tp + fp + fn, options.zeroDivision ?? 0);
}

/**
 * Recall.
 *
 * @module
 */
import { confusionMatrix, type ThresholdOptions } from "./confusion_matrix.ts";
import { ratio, type ZeroDivisionOptions } from "./_ratio.ts";

/** Options of {@linkcode recallScore}. */
export interface RecallScoreOptions extends ThresholdOptions, ZeroDivisionOptions {}

/**
 * Recall (sensitivity, true positive rate), TP / (TP + FN): of the real positives, the share
 * that is flagged.
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores, probabilities or 0/1 predictions.
 * @param options `threshold` (default 0.5), `zeroDivision` (default 0, returned when there is
 *   no positive label).
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@linkcode confusionMatrix}.
 * @example
 * ```ts
 * import { recallScore } from "@shoplab/lib/metrics/recall_score.ts";
 * import assert from "node:assert/strict";
 * assert.equal(recallScore([0, 1, 1, 1], [1, 1, 0, 1]), 2 / 3);
 * ```
 */
export function recallScore(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: RecallScoreOptions = {},
): number {
  const { tp, fn } = confusionMatrix(yTrue, yScore, options);
  return ratio(tp, tp + fn, options.zeroDivision ?? 0);
}

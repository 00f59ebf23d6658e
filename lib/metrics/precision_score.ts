/**
 * Precision.
 *
 * @module
 */
import { confusionMatrix, type ThresholdOptions } from "./confusion_matrix.ts";
import { ratio, type ZeroDivisionOptions } from "./_ratio.ts";

/** Options of {@linkcode precisionScore}. */
export interface PrecisionScoreOptions extends ThresholdOptions, ZeroDivisionOptions {}

/**
 * Precision, TP / (TP + FP): of the customers flagged, the share that really are positive.
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores, probabilities or 0/1 predictions.
 * @param options `threshold` (default 0.5), `zeroDivision` (default 0, returned when nothing
 *   is predicted positive).
 * @returns A number in [0, 1].
 * @throws {RangeError} As {@linkcode confusionMatrix}.
 * @example
 * ```ts
 * import { precisionScore } from "@shoplab/lib/metrics/precision_score.ts";
 * import assert from "node:assert/strict";
 * assert.equal(precisionScore([0, 1, 1, 0], [1, 1, 0, 0]), 0.5);
 * assert.equal(precisionScore([0, 1], [0, 0]), 0);
 * ```
 */
export function precisionScore(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: PrecisionScoreOptions = {},
): number {
  const { tp, fp } = confusionMatrix(yTrue, yScore, options);
  return ratio(tp, tp + fp, options.zeroDivision ?? 0);
}

/**
 * The threshold that minimises the expected cost of mistakes.
 *
 * @module
 */
import { binaryClfCurve } from "./_curve.ts";
import { checkInputs } from "./_validate.ts";

/** Options of {@linkcode minCostThreshold}. */
export interface MinCostThresholdOptions {
  /** Cost of a false positive (e.g. a voucher sent to a customer who would have stayed). Default `1`. */
  readonly costFp?: number;
  /** Cost of a false negative (e.g. the margin of a churner not contacted). Default `1`. */
  readonly costFn?: number;
}

/** The chosen threshold, its cost and its counts. */
export interface MinCostThreshold {
  /**
   * Predict positive when `score >= threshold`; one of the scores, or `Infinity` when flagging
   * nobody is cheapest.
   */
  readonly threshold: number;
  /** Expected cost per row: (costFp · FP + costFn · FN) / n. */
  readonly cost: number;
  /** Total cost over all rows: costFp · FP + costFn · FN. */
  readonly totalCost: number;
  /** True positives at the threshold. */
  readonly tp: number;
  /** False positives at the threshold. */
  readonly fp: number;
  /** True negatives at the threshold. */
  readonly tn: number;
  /** False negatives at the threshold. */
  readonly fn: number;
}

/**
 * Scans "flag nobody" and every distinct score as a threshold and returns the one with the
 * lowest expected cost (costFp · FP + costFn · FN) / n; ties go to the higher threshold. For
 * calibrated probabilities the optimum is near costFp / (costFp + costFn).
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores or probabilities, not NaN.
 * @param options See {@linkcode MinCostThresholdOptions}.
 * @returns `{ threshold, cost, totalCost, tp, fp, tn, fn }`.
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, a score is
 *   NaN, or a cost is negative or not finite.
 * @example
 * ```ts
 * import { minCostThreshold } from "@shoplab/lib/metrics/min_cost_threshold.ts";
 * import assert from "node:assert/strict";
 * const y = [0, 0, 1, 1], s = [0.1, 0.4, 0.35, 0.8];
 * // a missed positive costs 5, a false alarm 1: flag three (t = 0.35), one false alarm
 * const m = minCostThreshold(y, s, { costFp: 1, costFn: 5 });
 * assert.equal(m.threshold, 0.35);
 * assert.equal(m.totalCost, 1);
 * ```
 */
export function minCostThreshold(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: MinCostThresholdOptions = {},
): MinCostThreshold {
  const costFp = options.costFp ?? 1, costFn = options.costFn ?? 1;
  for (const [name, v] of [["costFp", costFp], ["costFn", costFn]] as const) {
    if (!(Number.isFinite(v) && v >= 0)) {
      throw new RangeError(`minCostThreshold: ${name} must be a finite number >= 0, got ${v}`);
    }
  }
  const c = checkInputs("minCostThreshold", yTrue, yScore);
  const { fps, tps, thresholds, positives, negatives } = binaryClfCurve(
    yTrue,
    yScore,
    c.positives,
  );
  let best = -1, bestCost = costFn * positives;
  for (let k = 0; k < fps.length; k++) {
    const cost = costFp * fps[k] + costFn * (positives - tps[k]);
    if (cost < bestCost) best = k, bestCost = cost;
  }
  const tp = best < 0 ? 0 : tps[best], fp = best < 0 ? 0 : fps[best];
  return {
    threshold: best < 0 ? Infinity : thresholds[best],
    cost: bestCost / c.n,
    totalCost: bestCost,
    tp,
    fp,
    tn: negatives - fp,
    fn: positives - tp,
  };
}

/**
 * ROC curve.
 *
 * @module
 */
import { binaryClfCurve } from "./_curve.ts";
import { checkInputs, requireBothClasses } from "./_validate.ts";

/** Options of {@linkcode rocCurve}. */
export interface RocCurveOptions {
  /**
   * Drop thresholds whose point lies on a straight line between its neighbours (they do not
   * change the curve or its area), as scikit-learn's `drop_intermediate`. Default `true`.
   */
  readonly dropIntermediate?: boolean;
}

/** Points of a ROC curve, in decreasing threshold order. */
export interface RocCurveResult {
  /** False positive rate FP / N at each threshold; starts at 0, ends at 1. */
  readonly fpr: Float64Array;
  /** True positive rate TP / P at each threshold; starts at 0, ends at 1. */
  readonly tpr: Float64Array;
  /**
   * Thresholds, decreasing: row i is predicted positive when `score >= thresholds[k]`. The first
   * is `Infinity` (nobody predicted positive), as scikit-learn ≥ 1.3 (1.2 used max + 1).
   */
  readonly thresholds: Float64Array;
}

/**
 * Receiver operating characteristic, with scikit-learn's `roc_curve` semantics: one point per
 * distinct score (tied scores form one diagonal step), a leading (0, 0) point, and collinear
 * points dropped unless `dropIntermediate: false`. Spread it into `rocChart` with a name.
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores or probabilities (higher = more likely positive); any finite or
 *   infinite number, not NaN.
 * @param options See {@linkcode RocCurveOptions}.
 * @returns `{ fpr, tpr, thresholds }`.
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, a score is
 *   NaN, or `yTrue` holds one class only.
 * @example
 * ```ts
 * import { rocCurve } from "@shoplab/lib/metrics/roc_curve.ts";
 * import assert from "node:assert/strict";
 * // scikit-learn's docstring example
 * const r = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * assert.deepEqual(Array.from(r.fpr), [0, 0, 0.5, 0.5, 1]);
 * assert.deepEqual(Array.from(r.tpr), [0, 0.5, 0.5, 1, 1]);
 * assert.deepEqual(Array.from(r.thresholds), [Infinity, 0.8, 0.4, 0.35, 0.1]);
 * ```
 */
export function rocCurve(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: RocCurveOptions = {},
): RocCurveResult {
  const c = checkInputs("rocCurve", yTrue, yScore);
  requireBothClasses("rocCurve", c);
  const { fps, tps, thresholds, positives, negatives } = binaryClfCurve(
    yTrue,
    yScore,
    c.positives,
  );
  const m = fps.length;
  const keep: number[] = [];
  const drop = (options.dropIntermediate ?? true) && m > 2;
  for (let k = 0; k < m; k++) {
    if (
      !drop || k === 0 || k === m - 1 ||
      fps[k + 1] - 2 * fps[k] + fps[k - 1] !== 0 || tps[k + 1] - 2 * tps[k] + tps[k - 1] !== 0
    ) keep.push(k);
  }
  const len = keep.length + 1;
  const fpr = new Float64Array(len), tpr = new Float64Array(len), th = new Float64Array(len);
  th[0] = Infinity;
  keep.forEach((k, i) => {
    fpr[i + 1] = fps[k] / negatives;
    tpr[i + 1] = tps[k] / positives;
    th[i + 1] = thresholds[k];
  });
  return { fpr, tpr, thresholds: th };
}

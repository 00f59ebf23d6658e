// Private: counts of true and false positives at every distinct score, highest score first
// (scikit-learn's `_binary_clf_curve`). Sorting each class separately keeps to the native
// typed-array sort, which is several times faster than sorting indices with a comparator.

/** Cumulative counts at each distinct threshold, in decreasing threshold order. */
export interface ClfCurve {
  /** False positives among rows with score >= thresholds[k]. */
  readonly fps: Float64Array;
  /** True positives among rows with score >= thresholds[k]. */
  readonly tps: Float64Array;
  /** Distinct scores, decreasing. */
  readonly thresholds: Float64Array;
  /** Total positives. */
  readonly positives: number;
  /** Total negatives. */
  readonly negatives: number;
}

/**
 * Builds the curve; inputs must be checked already (0/1 labels, no NaN, same length).
 *
 * @example
 * ```ts
 * import { binaryClfCurve } from "@shoplab/lib/metrics/_curve.ts";
 * import assert from "node:assert/strict";
 * // scikit-learn's roc_auc_score example: AUC 0.75, average precision 0.8333…
 * const c = binaryClfCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 2);
 * assert.deepEqual([...c.thresholds], [0.8, 0.4, 0.35, 0.1]);
 * assert.deepEqual([...c.tps], [1, 1, 2, 2]);
 * assert.deepEqual([...c.fps], [0, 1, 1, 2]);
 * ```
 */
export function binaryClfCurve(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  positives: number,
): ClfCurve {
  const n = yTrue.length;
  const pos = new Float64Array(positives), neg = new Float64Array(n - positives);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (yTrue[i] === 1) pos[a++] = yScore[i];
    else neg[b++] = yScore[i];
  }
  pos.sort();
  neg.sort();
  const fps: number[] = [], tps: number[] = [], th: number[] = [];
  let i = pos.length - 1, j = neg.length - 1, tp = 0, fp = 0;
  while (i >= 0 || j >= 0) {
    const t = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
    while (i >= 0 && pos[i] === t) tp++, i--;
    while (j >= 0 && neg[j] === t) fp++, j--;
    th.push(t), tps.push(tp), fps.push(fp);
  }
  return {
    fps: Float64Array.from(fps),
    tps: Float64Array.from(tps),
    thresholds: Float64Array.from(th),
    positives,
    negatives: n - positives,
  };
}

/**
 * Expected true positives among the top `m` rows (0 ≤ m ≤ n) when tied scores are ordered at
 * random: linear interpolation along the curve in (rows, true positives).
 *
 * @example
 * ```ts
 * import { binaryClfCurve, expectedTpAt } from "@shoplab/lib/metrics/_curve.ts";
 * import assert from "node:assert/strict";
 * // scores tied at 0.5 for one positive and one negative: half a hit expected in the top 1
 * const c = binaryClfCurve([1, 0, 0], [0.5, 0.5, 0.1], 1);
 * assert.equal(expectedTpAt(c, 1), 0.5);
 * assert.equal(expectedTpAt(c, 2), 1);
 * ```
 */
export function expectedTpAt(c: ClfCurve, m: number): number {
  let lo = 0, hi = c.tps.length - 1;
  // first k with rows[k] >= m
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c.tps[mid] + c.fps[mid] >= m) hi = mid;
    else lo = mid + 1;
  }
  const rows = c.tps[lo] + c.fps[lo];
  const prevRows = lo === 0 ? 0 : c.tps[lo - 1] + c.fps[lo - 1];
  const prevTp = lo === 0 ? 0 : c.tps[lo - 1];
  if (rows === prevRows) return c.tps[lo];
  return prevTp + (m - prevRows) * (c.tps[lo] - prevTp) / (rows - prevRows);
}

/**
 * ROC AUC from the curve: trapezoid over the distinct thresholds, in exact counts.
 *
 * @example
 * ```ts
 * import { aucOf, binaryClfCurve } from "@shoplab/lib/metrics/_curve.ts";
 * import assert from "node:assert/strict";
 * // scikit-learn's roc_auc_score example: AUC 0.75, average precision 0.8333…
 * const c = binaryClfCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 2);
 * assert.equal(aucOf(c), 0.75);
 * ```
 */
export function aucOf(c: ClfCurve): number {
  let area = 0, fp0 = 0, tp0 = 0;
  for (let k = 0; k < c.fps.length; k++) {
    area += (c.fps[k] - fp0) * (c.tps[k] + tp0);
    fp0 = c.fps[k], tp0 = c.tps[k];
  }
  return area / (2 * c.positives * c.negatives);
}

/**
 * Average precision from the curve: Σ (R_k − R_{k−1}) P_k, highest threshold first.
 *
 * @example
 * ```ts
 * import { averagePrecisionOf, binaryClfCurve } from "@shoplab/lib/metrics/_curve.ts";
 * import assert from "node:assert/strict";
 * // scikit-learn's roc_auc_score example: AUC 0.75, average precision 0.8333…
 * const c = binaryClfCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 2);
 * assert.ok(Math.abs(averagePrecisionOf(c) - 5 / 6) < 1e-12);
 * ```
 */
export function averagePrecisionOf(c: ClfCurve): number {
  let ap = 0, tp0 = 0;
  for (let k = 0; k < c.fps.length; k++) {
    const tp = c.tps[k];
    if (tp !== tp0) ap += ((tp - tp0) / c.positives) * (tp / (tp + c.fps[k]));
    tp0 = tp;
  }
  return ap;
}

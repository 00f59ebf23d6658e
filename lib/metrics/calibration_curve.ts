/**
 * Calibration (reliability) curve.
 *
 * @module
 */
import { quantileSorted } from "./_percentile.ts";
import { checkInputs } from "./_validate.ts";

/** Options of {@linkcode calibrationCurve}. */
export interface CalibrationCurveOptions {
  /** Number of bins. Default `5` (scikit-learn's default). */
  readonly nBins?: number;
  /**
   * `"uniform"`: equal-width bins on [0, 1]; `"quantile"`: bins holding about the same number
   * of rows (edges at the percentiles of the predictions). Default `"uniform"`.
   */
  readonly strategy?: "uniform" | "quantile";
}

/** A calibration curve: one entry per non-empty bin, in increasing order of probability. */
export interface CalibrationCurveResult {
  /** Observed share of positives in the bin (scikit-learn's `prob_true`). */
  readonly observed: Float64Array;
  /** Mean predicted probability in the bin (scikit-learn's `prob_pred`). */
  readonly predicted: Float64Array;
  /** Rows in the bin. */
  readonly counts: Float64Array;
  /** All `nBins + 1` bin edges, including the bins that stayed empty. */
  readonly edges: Float64Array;
}

/**
 * Calibration curve as scikit-learn's `calibration.calibration_curve` (1.2): rows are binned by
 * predicted probability (a value on an inner edge goes to the lower bin, numpy's
 * `searchsorted`), empty bins are dropped, and each bin gives its mean prediction and its
 * observed positive rate. A calibrated model lies on the diagonal. Pass it to
 * `calibrationChart`.
 *
 * @param yTrue Labels, 0 or 1.
 * @param yProb Predicted P(y = 1), each in [0, 1].
 * @param options See {@linkcode CalibrationCurveOptions}.
 * @returns `{ observed, predicted, counts, edges }`.
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, a
 *   probability is NaN or outside [0, 1], or `nBins` is not a positive integer.
 * @example
 * ```ts
 * import { calibrationCurve } from "@shoplab/lib/metrics/calibration_curve.ts";
 * import assert from "node:assert/strict";
 * // scikit-learn's docstring example, 3 uniform bins
 * const y = [0, 0, 0, 0, 1, 1, 1, 1, 1];
 * const p = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1];
 * const c = calibrationCurve(y, p, { nBins: 3 });
 * assert.deepEqual(Array.from(c.observed), [0, 0.5, 1]);
 * assert.deepEqual(Array.from(c.predicted, (v) => Math.round(v * 1000) / 1000), [0.2, 0.525, 0.85]);
 * ```
 */
export function calibrationCurve(
  yTrue: ArrayLike<number>,
  yProb: ArrayLike<number>,
  options: CalibrationCurveOptions = {},
): CalibrationCurveResult {
  const nBins = options.nBins ?? 5;
  const strategy = options.strategy ?? "uniform";
  if (!(Number.isInteger(nBins) && nBins >= 1)) {
    throw new RangeError(`calibrationCurve: nBins must be a positive integer, got ${nBins}`);
  }
  if (strategy !== "uniform" && strategy !== "quantile") {
    throw new RangeError(
      `calibrationCurve: strategy must be "uniform" or "quantile", got ${strategy}`,
    );
  }
  const { n } = checkInputs("calibrationCurve", yTrue, yProb, "yProb", true);
  const edges = new Float64Array(nBins + 1);
  const step = 1 / nBins; // numpy.linspace(0, 1, nBins + 1) = k * step, last exactly 1
  if (strategy === "uniform") {
    for (let k = 0; k < nBins; k++) edges[k] = k * step;
    edges[nBins] = 1;
  } else {
    const sorted = Float64Array.from(yProb).sort();
    for (let k = 0; k <= nBins; k++) {
      const q = k === nBins ? 1 : (k * step * 100) / 100; // np.percentile(p, linspace * 100)
      edges[k] = quantileSorted(sorted, q);
    }
  }
  const sums = new Float64Array(nBins), trues = new Float64Array(nBins);
  const totals = new Float64Array(nBins);
  for (let i = 0; i < n; i++) {
    const p = yProb[i];
    // number of inner edges strictly below p (searchsorted, side "left")
    let lo = 1, hi = nBins;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    const b = lo - 1;
    sums[b] += p;
    trues[b] += yTrue[i];
    totals[b]++;
  }
  const observed: number[] = [], predicted: number[] = [], counts: number[] = [];
  for (let b = 0; b < nBins; b++) {
    if (totals[b] === 0) continue;
    observed.push(trues[b] / totals[b]);
    predicted.push(sums[b] / totals[b]);
    counts.push(totals[b]);
  }
  return {
    observed: Float64Array.from(observed),
    predicted: Float64Array.from(predicted),
    counts: Float64Array.from(counts),
    edges,
  };
}

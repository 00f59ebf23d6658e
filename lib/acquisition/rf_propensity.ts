/**
 * A transparent purchase-propensity score from recency and frequency alone: the smoothed buy
 * rate of similar customers in an earlier period.
 *
 * @module
 */

/** Options of {@linkcode fitRfPropensity}. */
export interface RfPropensityOptions {
  /** Recency classes (quantiles of the training recency). Default `5`. */
  readonly recencyBins?: number;
  /** Frequency classes (quantiles of the training frequency). Default `5`. */
  readonly frequencyBins?: number;
  /**
   * Pseudo-customers at the overall rate added to every cell (Beta prior), so small cells do
   * not get extreme rates. Default `10`.
   */
  readonly smoothing?: number;
}

/** Training data of {@linkcode fitRfPropensity}: per customer, at a cut-off. */
export interface RfTrainingData {
  /** Days since the last purchase at the cut-off. */
  readonly recencyDays: ArrayLike<number>;
  /** Orders before the cut-off. */
  readonly frequency: ArrayLike<number>;
  /** 1 when the customer bought in the window after the cut-off, else 0. */
  readonly outcome: ArrayLike<number>;
}

/** A fitted RF propensity table. */
export interface RfPropensity {
  /** Upper edges (inclusive) of the recency classes (the last is +∞). */
  readonly recencyEdges: readonly number[];
  /** Upper edges (inclusive) of the frequency classes (the last is +∞). */
  readonly frequencyEdges: readonly number[];
  /** Smoothed rate per cell, row-major [recency class][frequency class]. */
  readonly rates: readonly (readonly number[])[];
  /** Customers per cell in training. */
  readonly counts: readonly (readonly number[])[];
  /** Overall training rate. */
  readonly baseRate: number;
  /** Scores new customers (recency, frequency at a later cut-off) with their cell's rate. */
  predict(recencyDays: ArrayLike<number>, frequency: ArrayLike<number>): Float64Array;
}

function edges(values: ArrayLike<number>, bins: number): number[] {
  const s = Float64Array.from(values).sort();
  const out: number[] = [];
  for (let b = 1; b < bins; b++) {
    const e = s[Math.max(0, Math.ceil((b * s.length) / bins) - 1)];
    if (out.length === 0 || e > out[out.length - 1]) out.push(e);
  }
  out.push(Infinity);
  return out;
}

/** Class of x: the first edge with x ≤ edge (edges ascend, last is +∞). */
function classOf(x: number, e: readonly number[]): number {
  let k = 0;
  while (x > e[k]) k++;
  return k;
}

/**
 * Fits a recency × frequency table of buy rates on one cut-off (features before it, outcome in
 * the window after it) to score customers at a later cut-off. Class k holds values up to the
 * training quantile k/bins (inclusive; tied quantiles merge classes); each cell's rate is (buyers + smoothing × base rate) ÷ (customers +
 * smoothing). A baseline every model should beat, and easy to explain to a marketing team.
 *
 * @param data Recency, frequency and outcome per training customer.
 * @param options See {@linkcode RfPropensityOptions}.
 * @returns The fitted table with `predict`.
 * @throws {RangeError} Different lengths, no rows, non-finite features, outcomes other than
 *   0/1, or bins < 1.
 * @example
 * ```ts
 * import { fitRfPropensity } from "@shoplab/lib/acquisition/rf_propensity.ts";
 * import assert from "node:assert/strict";
 * const m = fitRfPropensity(
 *   { recencyDays: [1, 2, 50, 60], frequency: [5, 4, 1, 1], outcome: [1, 1, 0, 0] },
 *   { recencyBins: 2, frequencyBins: 1, smoothing: 0 },
 * );
 * assert.deepEqual(Array.from(m.predict([2, 70], [2, 1])), [1, 0]);
 * ```
 */
export function fitRfPropensity(
  data: RfTrainingData,
  options: RfPropensityOptions = {},
): RfPropensity {
  const fn = "fitRfPropensity";
  const { recencyDays: r, frequency: f, outcome: y } = data;
  const n = r.length;
  if (f.length !== n || y.length !== n) {
    throw new RangeError(`${fn}: recencyDays, frequency and outcome differ in length`);
  }
  if (n === 0) throw new RangeError(`${fn}: no training rows`);
  const rb = options.recencyBins ?? 5, fb = options.frequencyBins ?? 5;
  if (!(rb >= 1 && fb >= 1)) throw new RangeError(`${fn}: bins must be ≥ 1`);
  const smoothing = options.smoothing ?? 10;
  if (!(smoothing >= 0)) throw new RangeError(`${fn}: smoothing must be ≥ 0, got ${smoothing}`);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(r[i]) || !Number.isFinite(f[i])) {
      throw new RangeError(`${fn}: row ${i} has recency ${r[i]} and frequency ${f[i]}`);
    }
    if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`${fn}: outcome[${i}] must be 0 or 1`);
    pos += y[i];
  }
  const base = pos / n;
  const re = edges(r, rb), fe = edges(f, fb);
  const counts = re.map(() => fe.map(() => 0)), buys = re.map(() => fe.map(() => 0));
  for (let i = 0; i < n; i++) {
    const a = classOf(r[i], re), b = classOf(f[i], fe);
    counts[a][b]++;
    buys[a][b] += y[i];
  }
  const rates = counts.map((row, a) =>
    row.map((
      c,
      b,
    ) => (c + smoothing > 0 ? (buys[a][b] + smoothing * base) / (c + smoothing) : base))
  );
  return {
    recencyEdges: re,
    frequencyEdges: fe,
    rates,
    counts,
    baseRate: base,
    predict(recency: ArrayLike<number>, frequency: ArrayLike<number>): Float64Array {
      if (recency.length !== frequency.length) {
        throw new RangeError("RfPropensity.predict: recencyDays and frequency differ in length");
      }
      const out = new Float64Array(recency.length);
      for (let i = 0; i < out.length; i++) {
        out[i] = Number.isFinite(recency[i]) && Number.isFinite(frequency[i])
          ? rates[classOf(recency[i], re)][classOf(frequency[i], fe)]
          : base;
      }
      return out;
    },
  };
}

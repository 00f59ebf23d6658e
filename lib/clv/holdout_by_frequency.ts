/**
 * Diagnostic: predicted vs actual holdout purchases, grouped by calibration frequency.
 *
 * @module
 */

/** Input of {@linkcode holdoutByFrequency}: three arrays of equal length. */
export interface HoldoutByFrequencyData {
  /** Calibration frequency x per customer. */
  readonly frequency: ArrayLike<number>;
  /** Actual purchases in the holdout per customer. */
  readonly actual: ArrayLike<number>;
  /** Model's expected purchases in the holdout per customer (e.g. {@linkcode bgNbdConditionalPurchases}). */
  readonly predicted: ArrayLike<number>;
}

/** Options of {@linkcode holdoutByFrequency}. */
export interface HoldoutByFrequencyOptions {
  /** Frequencies ≥ this are pooled into one `"N+"` group. Default 7 (as FHL 2005, fig. 3). */
  readonly maxFrequency?: number;
}

/** One group of {@linkcode holdoutByFrequency}. */
export interface HoldoutByFrequencyRow {
  /** `"0"`, `"1"`, … or `"7+"`. */
  readonly frequency: string;
  /** Number of customers in the group. */
  readonly customers: number;
  /** Mean actual holdout purchases. */
  readonly actual: number;
  /** Mean predicted holdout purchases. */
  readonly predicted: number;
}

/**
 * Groups customers by calibration frequency (0, 1, …, `maxFrequency`+) and averages their
 * actual and predicted holdout purchases: the conditional-expectation check of Fader, Hardie &
 * Lee (2005, fig. 3) and lifetimes' `plot_calibration_purchases_vs_holdout_purchases`.
 * Empty groups are left out.
 *
 * @param data Frequency, actual and predicted per customer.
 * @param options See {@linkcode HoldoutByFrequencyOptions}.
 * @returns One row per non-empty group, by frequency.
 * @throws {RangeError} When lengths differ or `maxFrequency` is not a whole number ≥ 1.
 * @example
 * ```ts
 * import { holdoutByFrequency } from "@shoplab/lib/clv/holdout_by_frequency.ts";
 * import assert from "node:assert/strict";
 * const rows = holdoutByFrequency({ frequency: [0, 0, 1, 9], actual: [0, 1, 2, 5], predicted: [0.2, 0.2, 1, 4] }, { maxFrequency: 2 });
 * assert.deepEqual(rows.map((r) => [r.frequency, r.customers, r.actual]), [["0", 2, 0.5], ["1", 1, 2], ["2+", 1, 5]]);
 * ```
 */
export function holdoutByFrequency(
  data: HoldoutByFrequencyData,
  options: HoldoutByFrequencyOptions = {},
): HoldoutByFrequencyRow[] {
  const max = options.maxFrequency ?? 7;
  if (!Number.isInteger(max) || max < 1) {
    throw new RangeError(`holdoutByFrequency: maxFrequency must be a whole number ≥ 1, got ${max}`);
  }
  const { frequency: x, actual, predicted } = data;
  if (actual.length !== x.length || predicted.length !== x.length) {
    throw new RangeError(
      `holdoutByFrequency: ${x.length} frequencies, ${actual.length} actual and ${predicted.length} predicted values; they must be equal`,
    );
  }
  const n = new Float64Array(max + 1), a = new Float64Array(max + 1), p = new Float64Array(max + 1);
  for (let i = 0; i < x.length; i++) {
    const k = Math.min(max, Math.max(0, Math.floor(x[i])));
    n[k]++;
    a[k] += actual[i];
    p[k] += predicted[i];
  }
  const rows: HoldoutByFrequencyRow[] = [];
  for (let k = 0; k <= max; k++) {
    if (n[k] === 0) continue;
    rows.push({
      frequency: k === max ? `${k}+` : String(k),
      customers: n[k],
      actual: a[k] / n[k],
      predicted: p[k] / n[k],
    });
  }
  return rows;
}

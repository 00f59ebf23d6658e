/**
 * Top-decile lift.
 *
 * @module
 */
import { liftCurve } from "./lift_curve.ts";

/** Options of {@linkcode topDecileLift}. */
export interface TopDecileLiftOptions {
  /** Share of rows targeted, in (0, 1]. Default `0.1` (the top decile). */
  readonly fraction?: number;
}

/**
 * Lift in the top decile (or another top `fraction`): positive rate among the 10 % highest
 * scores divided by the overall positive rate — the standard targeting figure for churn and
 * purchase models. When the 10 % cut falls inside a group of tied scores, the group counts
 * pro rata (the expected value under a random order of the ties).
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores or probabilities, not NaN.
 * @param options See {@linkcode TopDecileLiftOptions}.
 * @returns Lift ≥ 0; 1 is random, at most 1 / max(fraction, positive rate).
 * @throws {RangeError} As `liftCurve` (no positive label, bad fraction, bad input).
 * @example
 * ```ts
 * import { topDecileLift } from "@shoplab/lib/metrics/top_decile_lift.ts";
 * import assert from "node:assert/strict";
 * // 20 rows, 4 positives; the top 2 scores are both positive: 100 % vs 20 % → lift 5
 * const y = Array.from({ length: 20 }, (_, i) => (i < 4 ? 1 : 0));
 * const s = Array.from({ length: 20 }, (_, i) => 1 - i / 20);
 * assert.equal(topDecileLift(y, s), 5);
 * ```
 */
export function topDecileLift(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: TopDecileLiftOptions = {},
): number {
  const fraction = options.fraction ?? 0.1;
  if (!(fraction > 0 && fraction <= 1)) {
    throw new RangeError(`topDecileLift: fraction must be in (0, 1], got ${fraction}`);
  }
  return liftCurve(yTrue, yScore, { fractions: [fraction] }).lift[0];
}

/**
 * Lift curve.
 *
 * @module
 */
import { gainsCurve } from "./gains_curve.ts";

/** Options of {@linkcode liftCurve}. */
export interface LiftCurveOptions {
  /**
   * Shares of the rows at which to report lift, each in (0, 1].
   * Default the deciles `[0.1, 0.2, …, 1]`.
   */
  readonly fractions?: ArrayLike<number>;
}

/** Lift at chosen shares of the rows. */
export interface LiftCurveResult {
  /** Share of rows targeted, as given. */
  readonly fraction: Float64Array;
  /** Cumulative gains at each fraction (share of positives found). */
  readonly gains: Float64Array;
  /** Lift = positive rate in the targeted top fraction / overall positive rate = gains / fraction. */
  readonly lift: Float64Array;
}

/**
 * Cumulative lift: how many times more positives the top `fraction` of scores holds than a
 * random pick of the same size. Lift 1 is random; at fraction 1 it is always 1. Tied scores are
 * handled as in `gainsCurve` (expected value under a random order of the ties).
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores or probabilities, not NaN.
 * @param options See {@linkcode LiftCurveOptions}.
 * @returns `{ fraction, gains, lift }`.
 * @throws {RangeError} As `gainsCurve`, and when a fraction is 0 (lift undefined).
 * @example
 * ```ts
 * import { liftCurve } from "@shoplab/lib/metrics/lift_curve.ts";
 * import assert from "node:assert/strict";
 * const l = liftCurve([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1], { fractions: [0.25, 1] });
 * assert.deepEqual(Array.from(l.lift), [2, 1]);
 * ```
 */
export function liftCurve(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: LiftCurveOptions = {},
): LiftCurveResult {
  const fractions = options.fractions ??
    Array.from({ length: 10 }, (_, i) => i === 9 ? 1 : (i + 1) / 10);
  for (let i = 0; i < fractions.length; i++) {
    if (!(fractions[i] > 0 && fractions[i] <= 1)) {
      throw new RangeError(`liftCurve: fractions[${i}] must be in (0, 1], got ${fractions[i]}`);
    }
  }
  const { fraction, gains } = gainsCurve(yTrue, yScore, { fractions });
  return { fraction, gains, lift: gains.map((g, i) => g / fraction[i]) };
}

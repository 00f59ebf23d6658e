/**
 * Cumulative gains curve.
 *
 * @module
 */
import { binaryClfCurve, expectedTpAt } from "./_curve.ts";
import { checkInputs, requirePositives } from "./_validate.ts";

/** Options of {@linkcode gainsCurve}. */
export interface GainsCurveOptions {
  /**
   * Evaluate the curve at these shares of the rows (each in [0, 1]) instead of at every
   * distinct score, e.g. `[0.1, 0.2, …, 1]` for deciles. Default: every distinct score, with a
   * leading (0, 0).
   */
  readonly fractions?: ArrayLike<number>;
}

/** A cumulative gains curve. */
export interface GainsCurveResult {
  /** Share of rows targeted (highest scores first), increasing from 0 to 1. */
  readonly fraction: Float64Array;
  /** Share of all positives found among them (expected value when scores tie). */
  readonly gains: Float64Array;
}

/**
 * Cumulative gains: target the customers with the highest scores first; `gains` is the share
 * of all positives (buyers, churners) found within the top `fraction`. A random order gives the
 * diagonal. Ties are handled without an arbitrary order: within a group of equal scores the
 * curve is the straight line between the group's ends, i.e. the expected gain when the tied
 * rows are taken in random order. Pass it to `liftChart`.
 *
 * @param yTrue Labels, 0 or 1.
 * @param yScore Scores or probabilities, not NaN.
 * @param options See {@linkcode GainsCurveOptions}.
 * @returns `{ fraction, gains }`.
 * @throws {RangeError} When lengths differ, the input is empty, a label is not 0/1, a score is
 *   NaN, there is no positive label, or a fraction is outside [0, 1].
 * @example
 * ```ts
 * import { gainsCurve } from "@shoplab/lib/metrics/gains_curve.ts";
 * import assert from "node:assert/strict";
 * const g = gainsCurve([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]);
 * assert.deepEqual(Array.from(g.fraction), [0, 0.25, 0.5, 0.75, 1]);
 * assert.deepEqual(Array.from(g.gains), [0, 0.5, 0.5, 1, 1]);
 * const half = gainsCurve([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1], { fractions: [0.5] });
 * assert.deepEqual(Array.from(half.gains), [0.5]);
 * ```
 */
export function gainsCurve(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  options: GainsCurveOptions = {},
): GainsCurveResult {
  const c = checkInputs("gainsCurve", yTrue, yScore);
  requirePositives("gainsCurve", c);
  const curve = binaryClfCurve(yTrue, yScore, c.positives);
  if (options.fractions !== undefined) {
    const f = Float64Array.from(options.fractions);
    f.forEach((v, i) => {
      if (!(v >= 0 && v <= 1)) {
        throw new RangeError(`gainsCurve: fractions[${i}] must be in [0, 1], got ${v}`);
      }
    });
    return { fraction: f, gains: f.map((v) => expectedTpAt(curve, v * c.n) / c.positives) };
  }
  const m = curve.tps.length;
  const fraction = new Float64Array(m + 1), gains = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) {
    fraction[k + 1] = (curve.tps[k] + curve.fps[k]) / c.n;
    gains[k + 1] = curve.tps[k] / c.positives;
  }
  return { fraction, gains };
}

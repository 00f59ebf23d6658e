/**
 * Area under any curve by the trapezoidal rule.
 *
 * @module
 */

/**
 * Area under a curve given as points, by the trapezoidal rule (scikit-learn's `auc`). `x` must
 * be monotonic, increasing or decreasing (the area is then positive for positive `y`). For the
 * ROC AUC of scores use `rocAuc`; for the area under a PR curve prefer `averagePrecision`
 * (the trapezoid over-estimates it).
 *
 * @param x Abscissae, monotonic, at least 2.
 * @param y Ordinates, same length.
 * @returns The area.
 * @throws {RangeError} When lengths differ, fewer than 2 points are given, a value is NaN, or
 *   `x` is not monotonic (naming the index).
 * @example
 * ```ts
 * import { auc } from "@shoplab/lib/metrics/auc.ts";
 * import assert from "node:assert/strict";
 * assert.equal(auc([0, 0.5, 1], [0, 1, 1]), 0.75);
 * assert.equal(auc([1, 0], [1, 1]), 1);
 * ```
 */
export function auc(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) {
    throw new RangeError(`auc: x and y differ in length (${n} vs ${y.length})`);
  }
  if (n < 2) throw new RangeError(`auc: needs at least 2 points, got ${n}`);
  let direction = 0, area = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i])) throw new RangeError(`auc: x[${i}] is NaN`);
    if (Number.isNaN(y[i])) throw new RangeError(`auc: y[${i}] is NaN`);
    if (i === 0) continue;
    const dx = x[i] - x[i - 1];
    if (dx !== 0) {
      const d = dx > 0 ? 1 : -1;
      if (direction === 0) direction = d;
      else if (d !== direction) {
        throw new RangeError(
          `auc: x is neither increasing nor decreasing (x[${i - 1}] = ${x[i - 1]}, x[${i}] = ${
            x[i]
          })`,
        );
      }
    }
    area += dx * (y[i] + y[i - 1]) / 2;
  }
  return direction < 0 ? -area : area;
}

/**
 * Cumulative (cohort) retention from per-period churn rates, L(t) = ∏ (1 − A(i)).
 *
 * @module
 */

/**
 * Cumulative retention L(t) = N(t)/N(0) = ∏_{i=1..t} (1 − A(i)) from the churn rates A(1), A(2), …
 * of successive periods: the share of the starting cohort still there after t periods.
 *
 * This is **not** the period-over-period retention rate (active this period ÷ active last
 * period, see {@linkcode periodRetention}): that one is a ratio of neighbouring periods and can
 * exceed 1 when new customers arrive; L(t) follows one fixed cohort and only goes down.
 *
 * A common pitfall (in the source article): churn 10 % then 5 % gives
 * L(2) = (1 − 0.10)(1 − 0.05) = 0.9 × 0.95 = 0.855, not 0.85 × 0.95 = 0.8075.
 *
 * @param churnRates A(1), A(2), … each in [0, 1].
 * @returns [L(0) = 1, L(1), …, L(t)], one longer than the input.
 * @throws {RangeError} When a churn rate is outside [0, 1] or not a number.
 * @example
 * ```ts
 * import { cumulativeRetention } from "@shoplab/lib/retention/cumulative_retention.ts";
 * import assert from "node:assert/strict";
 * const l = cumulativeRetention([0.10, 0.05]);
 * assert.equal(l.length, 3);
 * assert.ok(Math.abs(l[2] - 0.855) < 1e-12);
 * ```
 */
export function cumulativeRetention(churnRates: ArrayLike<number>): number[] {
  const out = [1];
  for (let i = 0; i < churnRates.length; i++) {
    const a = churnRates[i];
    if (typeof a !== "number" || !(a >= 0 && a <= 1)) {
      throw new RangeError(`cumulativeRetention: churnRates[${i}] must be in [0, 1], got ${a}`);
    }
    out.push(out[i] * (1 - a));
  }
  return out;
}

// Private: a ratio with scikit-learn's `zero_division` policy.

/** Option shared by precision, recall and F1. */
export interface ZeroDivisionOptions {
  /**
   * Value returned when the ratio is 0 / 0 (no predicted positives for precision, no actual
   * positives for recall). scikit-learn returns 0 with a warning; so do we, without the warning.
   * Default `0`.
   */
  readonly zeroDivision?: number;
}

/**
 * `num / den`, or `zeroDivision` when `den` is 0 (scikit-learn's `zero_division`).
 *
 * @param num Numerator.
 * @param den Denominator.
 * @param zeroDivision Value returned for a zero denominator.
 * @returns The ratio.
 * @example
 * ```ts
 * import { ratio } from "@shoplab/lib/metrics/_ratio.ts";
 * import assert from "node:assert/strict";
 * assert.equal(ratio(1, 4, 0), 0.25);
 * assert.equal(ratio(0, 0, 1), 1);
 * ```
 */
export function ratio(num: number, den: number, zeroDivision: number): number {
  return den === 0 ? zeroDivision : num / den;
}
